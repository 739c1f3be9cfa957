package dev.signpost.ui.widgets;

import javafx.scene.Group;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SceneGraphTest {

    @Test
    void aNodeIsInsideItselfAndEveryAncestorButNotASibling() {
        Pane leaf = new Pane();
        Group middle = new Group(leaf);
        Pane sibling = new Pane();
        Pane top = new Pane(middle, sibling);

        assertThat(SceneGraph.isInside(leaf, leaf)).isTrue();
        assertThat(SceneGraph.isInside(leaf, middle)).isTrue();
        assertThat(SceneGraph.isInside(leaf, top)).isTrue();
        assertThat(SceneGraph.isInside(leaf, sibling)).isFalse();
        assertThat(SceneGraph.isInside(top, leaf)).as("an ancestor is not inside its descendant").isFalse();
        assertThat(SceneGraph.isInside(null, top)).isFalse();
    }
}
