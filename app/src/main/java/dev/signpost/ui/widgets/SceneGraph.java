package dev.signpost.ui.widgets;

import javafx.scene.Node;

/** Questions about where a node sits in the scene graph, asked by the step host and the chain alike. */
public final class SceneGraph {

    private SceneGraph() {
    }

    /** True when {@code node} is {@code ancestor} itself or lies anywhere below it. */
    public static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
