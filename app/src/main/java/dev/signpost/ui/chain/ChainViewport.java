package dev.signpost.ui.chain;

import dev.signpost.core.report.ChainLayout;
import dev.signpost.ui.widgets.SceneGraph;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.event.EventTarget;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Scale;

import java.util.EnumSet;
import java.util.Set;

/**
 * The scrolled, zoomed window onto the chain. The chain is laid out to the width this window shows
 * ({@link #layoutWidth()}), so it never needs sideways scrolling; zoom only changes the text size (Ctrl + wheel or the
 * toolbar), and "Fit" picks the zoom at which the whole height shows.
 */
final class ChainViewport {

    /** Smallest and largest zoom. */
    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 3.0;

    private final Pane canvas = new Pane();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ScrollPane scroll;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    /** Keys with which a user scrolls a page. */
    private static final Set<KeyCode> SCROLL_KEYS = EnumSet.of(KeyCode.PAGE_UP, KeyCode.PAGE_DOWN, KeyCode.HOME,
            KeyCode.END, KeyCode.SPACE);
    /** The page whose user scrolls are watched, once. */
    private ScrollPane watchedPage;
    /** Whether revealing a box may scroll the page around the diagram (large text, where little of it is in sight). */
    private boolean scrollsPage;

    /** @param relayout called when the width to lay out to or the height in sight changes (window resized, zoom) */
    ChainViewport(Runnable relayout) {
        canvas.getStyleClass().add("chain-canvas");
        Group zoomed = new Group(canvas);
        zoomed.getTransforms().add(scale);
        // The outer group reports the scaled bounds, so the scroll pane's extent follows the zoom.
        scroll = new ScrollPane(new Group(zoomed));
        scroll.setPannable(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                setZoom(zoom() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
                e.consume();
            }
        });
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            // A new height changes what is in sight: the redraw reveals the broken hop again.
            if (old == null || Math.abs(old.getWidth() - now.getWidth()) > 0.5
                    || Math.abs(old.getHeight() - now.getHeight()) > 0.5) {
                relayout.run();
            }
        });
        zoom.addListener((obs, old, now) -> {
            scale.setX(now.doubleValue());
            scale.setY(now.doubleValue());
            relayout.run();
        });
    }

    ScrollPane node() {
        return scroll;
    }

    Pane canvas() {
        return canvas;
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    double zoom() {
        return zoom.get();
    }

    /** Lets {@link #reveal} scroll the page around the diagram when too little of the diagram is in sight. */
    void setScrollsPage(boolean value) {
        scrollsPage = value;
    }

    /** Sets the zoom, kept between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}. */
    void setZoom(double value) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value)));
    }

    /** The width the chain should be laid out to: what the window shows, in unzoomed pixels. */
    double layoutWidth() {
        Bounds viewport = scroll.getViewportBounds();
        if (viewport == null || viewport.getWidth() <= 1) {
            return ChainLayout.DEFAULT_WIDTH;
        }
        return viewport.getWidth() / zoom();
    }

    /** The visible width, in screen pixels, or 0 before the first layout. */
    double visibleWidth() {
        Bounds viewport = scroll.getViewportBounds();
        return viewport == null ? 0 : viewport.getWidth();
    }

    /** The visible height, in screen pixels, or 0 before the first layout. */
    double viewportHeight() {
        Bounds viewport = scroll.getViewportBounds();
        return viewport == null ? 0 : viewport.getHeight();
    }

    /** The zoom at which a chain {@code height} tall shows whole; never above {@code max} (the actual size). */
    double fittingZoom(double height, double max) {
        double visible = viewportHeight();
        if (visible <= 0 || height <= 0) {
            return max;
        }
        return Math.max(MIN_ZOOM, Math.min(max, visible / height));
    }

    /** Gives the canvas the drawing's size. */
    void setContentSize(double width, double height) {
        canvas.setPrefSize(width, height);
        canvas.setMinSize(width, height);
        canvas.setMaxSize(width, height);
    }

    /**
     * Scrolls so that the area (in unzoomed chain coordinates) is in view, with a little room above it for its
     * caption; {@code height} is the drawing's height. True when anything scrolled: what is in sight then changes only
     * once the coming layout pass has placed the page again, so the caller asks again after it.
     */
    boolean reveal(double x, double y, double w, double h, double width, double height) {
        Bounds viewport = scroll.getViewportBounds();
        if (viewport == null) {
            return false;
        }
        double hBefore = scroll.getHvalue();
        double vBefore = scroll.getVvalue();
        double z = zoom();
        double extraW = width * z - viewport.getWidth();
        double extraH = height * z - viewport.getHeight();
        if (extraW > 0) {
            double left = scroll.getHvalue() * extraW;
            if (x * z < left) {
                scroll.setHvalue(x * z / extraW);
            } else if ((x + w) * z > left + viewport.getWidth()) {
                scroll.setHvalue(Math.min(1, ((x + w) * z - viewport.getWidth()) / extraW));
            }
        }
        boolean pageMoved = false;
        // Judged on what is on screen now: a diagram pushed below the page's bottom (large text) needs the page moved.
        if (scrollsPage && (h + ChainLayout.CAPTION_HEIGHT + 16) * z > seenSlice(viewport.getHeight())[1]) {
            pageMoved = showWholeViewportInPage();
        }
        if (extraH > 0) {
            double[] slice = visibleSlice(viewport.getHeight());
            double top = scroll.getVvalue() * extraH + slice[0];
            double wantTop = Math.max(0, (y - ChainLayout.CAPTION_HEIGHT - 8) * z);
            double wantBottom = (y + h + 8) * z;
            if (wantTop < top) {
                scroll.setVvalue(Math.max(0, (wantTop - slice[0]) / extraH));
            } else if (wantBottom > top + slice[1]) {
                double target = Math.min(wantTop, wantBottom - slice[1]) - slice[0];
                scroll.setVvalue(Math.max(0, Math.min(1, target / extraH)));
            }
        }
        return pageMoved || moved(hBefore, scroll.getHvalue()) || moved(vBefore, scroll.getVvalue());
    }

    private static boolean moved(double before, double after) {
        return Math.abs(before - after) > 1e-4;
    }

    /**
     * Scrolls the page around the diagram so that the diagram's top (toolbar and banner) is at the page's top and as
     * much of the chain as the page allows is in sight: used when too little of it is in sight to show a box (large
     * text, small window). True when the page scrolled.
     */
    private boolean showWholeViewportInPage() {
        Node diagram = scroll.getParent();
        ScrollPane page = enclosingPage();
        if (page == null) {
            return false;
        }
        Node content = page.getContent();
        double extra = content.getLayoutBounds().getHeight() - page.getViewportBounds().getHeight();
        if (extra <= 0) {
            return false;
        }
        Bounds inPage = content.sceneToLocal(diagram.localToScene(diagram.getBoundsInLocal()));
        double top = Math.max(0, inPage.getMinY());
        double before = page.getVvalue();
        page.setVvalue(page.getVmin() + (page.getVmax() - page.getVmin()) * Math.min(1, top / extra));
        return moved(before, page.getVvalue());
    }

    /** Where the page around the diagram is scrolled to: its scroll value and its content's height. */
    record PagePosition(double vvalue, double contentHeight) {
    }

    /** The page's position now, or {@code null} when no page scrolls around the diagram. */
    PagePosition pagePosition() {
        ScrollPane page = enclosingPage();
        return page == null ? null : new PagePosition(page.getVvalue(), page.getContent().getLayoutBounds().getHeight());
    }

    /** True when the page around the diagram is no longer where {@code was} recorded it (scrolled or resized). */
    boolean pageMovedSince(PagePosition was) {
        PagePosition now = pagePosition();
        return now != null && was != null && (moved(was.vvalue(), now.vvalue())
                || Math.abs(was.contentHeight() - now.contentHeight()) > 0.5);
    }

    /**
     * Calls {@code taken} whenever the user scrolls the page around the diagram themselves: the wheel, its scroll
     * bar, or the scrolling keys. Every other move of the page (its content growing, the scroll pane's own
     * adjustments) is not theirs, and the broken hop is brought back after it.
     */
    void watchUserScrollsOfPage(Runnable taken) {
        ScrollPane page = enclosingPage();
        if (page == null || page == watchedPage) {
            return;
        }
        watchedPage = page;
        page.addEventFilter(ScrollEvent.SCROLL, e -> taken.run());
        page.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (onScrollBarOf(page, e.getTarget())) {
                taken.run();
            }
        });
        page.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SCROLL_KEYS.contains(e.getCode())) {
                taken.run();
            }
        });
    }

    private static boolean onScrollBarOf(ScrollPane page, EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != page; n = n.getParent()) {
            if (n instanceof ScrollBar) {
                // The page's own bar, not one of a scroll pane inside its content (the chain's own is watched apart).
                return page.getContent() == null || !SceneGraph.isInside(n, page.getContent());
            }
        }
        return false;
    }

    private ScrollPane enclosingPage() {
        Node diagram = scroll.getParent();
        for (Parent p = diagram == null ? null : diagram.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane page && page.getContent() != null && page.getViewportBounds() != null) {
                return page;
            }
        }
        return null;
    }

    /**
     * The part of the viewport a user can see, as {top offset, height}: a page that scrolls around the diagram may
     * hide its lower part, and a box scrolled there would be "in view" without being seen.
     */
    private double[] visibleSlice(double viewportHeight) {
        double[] seen = seenSlice(viewportHeight);
        // Scrolled out of sight altogether: reveal within the whole viewport, for when the page scrolls back.
        if (seen[1] < ChainLayout.NODE_HEIGHT * 2) {
            return new double[] {0, viewportHeight};
        }
        return seen;
    }

    /** What of the viewport is on screen now, as {top offset, height}; the height is 0 or less when none is. */
    private double[] seenSlice(double viewportHeight) {
        Node own = scroll.lookup(".viewport");
        if (own == null || scroll.getScene() == null) {
            return new double[] {0, viewportHeight};
        }
        Bounds ownBounds = own.localToScene(own.getBoundsInLocal());
        double top = Math.max(ownBounds.getMinY(), 0);
        double bottom = Math.min(ownBounds.getMaxY(), scroll.getScene().getHeight());
        for (Parent p = scroll.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane outer && outer.lookup(".viewport") != null) {
                Node clip = outer.lookup(".viewport");
                Bounds b = clip.localToScene(clip.getBoundsInLocal());
                top = Math.max(top, b.getMinY());
                bottom = Math.min(bottom, b.getMaxY());
            }
        }
        return new double[] {top - ownBounds.getMinY(), bottom - top};
    }
}
