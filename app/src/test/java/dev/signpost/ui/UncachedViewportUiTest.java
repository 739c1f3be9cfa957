package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.testkit.FixtureWorld;
import dev.signpost.ui.widgets.UncachedScrollPaneSkin;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No scroll pane of the wizard keeps a bitmap of its viewport: the stock skin's cached viewport held a texture per
 * pane, hidden steps' and text areas' included, which with the software renderer was a sixth of the live heap.
 */
class UncachedViewportUiTest extends WizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false);
    }

    @Test
    void theWizardsScrollPanesDrawTheirViewportUncached(FxRobot robot) {
        List<ScrollPane> panes = robot.lookup(".scroll-pane").queryAllAs(ScrollPane.class).stream().toList();

        assertThat(panes).as("the start page scrolls").isNotEmpty();
        assertThat(panes).allSatisfy(UncachedViewportUiTest::drawsItsViewportUncached);
    }

    @Test
    void aTextAreasOwnScrollPaneIsUncachedToo(FxRobot robot) throws Exception {
        TextArea text = new TextArea("line\n".repeat(200));
        ScrollPane plain = new ScrollPane(new Label("content"));
        AtomicReference<Stage> other = new AtomicReference<>();
        robot.interact(() -> {
            Scene scene = new Scene(new VBox(text, plain), 400, 300);
            scene.getStylesheets().setAll(sheet(ThemeManager.BASE), sheet(ThemeManager.DARK));
            other.set(new Stage());
            other.get().setScene(scene);
            other.get().show();
        });
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text.getSkin() != null && plain.getSkin() != null);
            WaitForAsyncUtils.waitForFxEvents();
            List<ScrollPane> panes = new ArrayList<>();
            collect(text, panes);
            collect(plain, panes);

            assertThat(panes).as("the text area's inner pane and the plain one").hasSize(2);
            assertThat(panes).allSatisfy(UncachedViewportUiTest::drawsItsViewportUncached);
        } finally {
            robot.interact(() -> other.get().close());
        }
    }

    private static void drawsItsViewportUncached(ScrollPane pane) {
        assertThat(pane.getSkin()).isInstanceOf(UncachedScrollPaneSkin.class);
        List<Node> viewports = pane.getChildrenUnmodifiable().stream()
                .filter(child -> child.getStyleClass().contains("viewport")).toList();
        assertThat(viewports).hasSize(1);
        assertThat(viewports.get(0).isCache()).as("viewport cached").isFalse();
    }

    private static void collect(Node node, List<ScrollPane> into) {
        if (node instanceof ScrollPane pane) {
            into.add(pane);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static String sheet(String name) {
        return Objects.requireNonNull(ThemeManager.class.getResource(name), name).toExternalForm();
    }
}
