package dev.signpost.ui.chain;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.report.ChainCaptions;
import dev.signpost.core.report.ChainFindings;
import dev.signpost.core.report.ChainFindings.RootCause;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.Fold;
import dev.signpost.core.report.ExportTexts;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The resolution chain drawn from a report's hops, top to bottom at the width of the window: two lanes
 * (federation, clients), one box per hop with the rule of the link leading to it, fan-outs for several SRV records
 * or addresses, IPv4 and IPv6 framed apart, branches not taken faint with their reason. What needs no attention is
 * folded into one line a click opens; the first broken hop is named in a banner above, carries its fix in its box,
 * and is scrolled into view. Clicking a box or pressing Enter on it opens {@link ChainDetailsPane}; hovering shows the
 * hop's whole text and fixes. No network or file code runs here on the UI thread: exports write on a worker.
 *
 * <p>All methods must be called on the JavaFX thread; {@link #liveListener()} hands engine events over to it.
 * However many changes arrive at once, they cost one layout ({@link #rebuildCount()}).
 */
public final class ChainDiagram extends BorderPane {

    /** Smallest and largest zoom. */
    public static final double MIN_ZOOM = ChainViewport.MIN_ZOOM;
    public static final double MAX_ZOOM = ChainViewport.MAX_ZOOM;
    /** The window's root font size at normal text size; the drawing's own sizes are made for it. */
    static final double NORMAL_FONT_PX = 13;

    /** Pixel density of PNG exports. */
    public static final double PNG_SCALE = 2.0;

    static final String STYLESHEET =
            ChainDiagram.class.getResource("/dev/signpost/ui/chain/chain.css").toExternalForm();

    private final Locale locale;
    private final ExportTexts names;
    private final ChainTexts texts;
    private final ChainStore store;
    private final ChainShapes shapes;
    private final ChainViewport viewport;
    private final RootCauseBanner banner;
    private final ChainSelection selection;
    /** One tooltip shared by all boxes, filled in when shown: cheaper than one per box on every redraw. */
    private final Tooltip hoverTip = ChainKeyboard.hoverTip(this::hoverText);
    private final Set<String> expanded = new HashSet<>();
    private Map<String, String> changes = Map.of();
    private ChainLayout layout = ChainLayout.of(List.of());
    private Optional<RootCause> rootCause = Optional.empty();
    private ChainExporter exporter;
    private final BooleanProperty collapse = new SimpleBooleanProperty(true);
    private final ChainFollow follow;
    private final ChainZoom zoom;
    private int rebuilds;
    private long rebuildNanos;

    /** A diagram speaking the default locale's language. */
    public ChainDiagram() {
        this(Locale.getDefault());
    }

    /** A diagram speaking the given language. */
    public ChainDiagram(Locale locale) {
        this.locale = locale;
        this.names = new ExportTexts(locale);
        this.texts = new ChainTexts(locale);
        this.store = new ChainStore(Platform::runLater, this::rebuild);
        this.shapes = new ChainShapes(names, texts);
        this.viewport = new ChainViewport(store::changed);
        this.zoom = new ChainZoom(viewport);
        this.exporter = ChainExporter.onSharedWorker(STYLESHEET, shapes, locale);
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("chain-diagram");

        follow = new ChainFollow(this, viewport, () -> layout);
        setCenter(viewport.node());
        banner = new RootCauseBanner(names, texts, hop -> {
            revealHop(hop.id());
            nodeFor(hop.id()).ifPresent(Node::requestFocus);
        });
        setTop(new VBox(new ChainToolbar(this, texts), banner));

        ChainDetailsPane details = new ChainDetailsPane(locale);
        details.setOnClose(this::closeDetails);
        selection = new ChainSelection(this, details, shapes, store::checksFor);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && getRight() != null) {
                closeDetails();
                e.consume();
            }
        });
        rebuild();
    }

    /** Runs exports' encoding and file writes on {@code worker} instead of the diagram's own thread. */
    public void setWorker(Executor worker) {
        exporter = exporter.withWorker(worker);
    }

    // ----- data in -----

    /** Adds a hop, or replaces the hop with the same id in its place. */
    public void update(Hop hop) {
        store.put(hop);
        selection.refresh(List.of(hop));
    }

    /** Adds or replaces several hops (by id), as when events arrive in a burst. */
    public void updateAll(Collection<Hop> newHops) {
        store.putAll(newHops);
        selection.refresh(newHops);
    }

    /** Records verdicts, whose fixes then show in the boxes, on hover and in the details of their hops. */
    public void updateChecks(Collection<Check> newChecks) {
        store.putChecks(newChecks);
    }

    /** Shows a finished report, replacing everything shown before. */
    public void setReport(Report report) {
        Hop shown = selection.pane().hop();
        store.replace(report);
        follow.resume();
        if (shown != null && store.hop(shown.id()) != null) {
            openDetails(store.hop(shown.id()));
        } else {
            closeDetails();
        }
    }

    /** Removes everything, as before a new run. */
    public void clear() {
        store.clear();
        closeDetails();
        expanded.clear();
        follow.resume();
    }

    /**
     * A listener to give the engine: it hands events to the JavaFX thread and applies them there, all that arrived
     * together with one redraw, in arrival order. The diagram itself does no I/O.
     */
    public ReportListener liveListener() {
        return store.liveListener();
    }

    /** Marks changed hops with what they were before ("was Fail"), shown in a badge on the box. */
    public void setChanges(Map<String, String> beforeByHopId) {
        changes = Map.copyOf(beforeByHopId);
        // Changed hops stay in sight: the layout keeps them out of folds.
        store.changed();
        markChanges();
    }

    private void markChanges() {
        shapes.boxes((id, box) -> box.setChanged(changes.get(id)));
    }

    // ----- state out -----

    /** The hops shown, in the order they first arrived. */
    public List<Hop> hops() {
        return store.hops();
    }

    /** The current geometry. */
    public ChainLayout layoutResult() {
        store.flush();
        return layout;
    }

    /** The layout exports draw: every hop, none folded, at the default width. */
    public ChainLayout exportLayout() {
        return ChainExporter.layout(store.hops(), store.checks());
    }

    /** The hop to fix first, as the banner names it. */
    public Optional<RootCause> rootCause() {
        store.flush();
        return rootCause;
    }

    /** The hop whose details are open, or null. */
    public ReadOnlyObjectProperty<Hop> selectedHopProperty() {
        return selection.selectedProperty();
    }

    /** The details pane (shown on the right when a hop is selected). */
    public ChainDetailsPane detailsPane() {
        return selection.pane();
    }

    /** The banner naming the broken hop. */
    public Node rootCauseBanner() {
        return banner;
    }

    /** The scroll pane the chain is drawn in: the area a user sees. */
    public Node viewportNode() {
        return viewport.node();
    }

    /** The box drawn for a hop (absent while it is folded), for hosts and tests that want to focus or point at it. */
    public Optional<Node> nodeFor(String hopId) {
        store.flush();
        Node view = shapes.view(hopId);
        return Optional.ofNullable(view instanceof ChainNodeView ? view : null);
    }

    /** The checks that name a hop in {@link Check#hopIds()}. */
    public List<Check> checksFor(String hopId) {
        return store.checksFor(hopId);
    }

    /** How many times the chain was laid out and drawn: once per batch of changes. */
    public int rebuildCount() {
        return rebuilds;
    }

    /** UI-thread time spent laying out and drawing, in total. */
    public long rebuildNanos() {
        return rebuildNanos;
    }

    // ----- look -----

    /** Switches between the light and dark variants of the stylesheet. */
    public void setDark(boolean dark) {
        if (dark && !getStyleClass().contains("dark")) {
            getStyleClass().add("dark");
        } else if (!dark) {
            getStyleClass().remove("dark");
        }
    }

    private boolean isDark() {
        return getStyleClass().contains("dark");
    }

    public DoubleProperty zoomProperty() {
        return viewport.zoomProperty();
    }

    public double getZoom() {
        return viewport.zoom();
    }

    /** Sets the zoom, kept between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}. */
    public void setZoom(double value) {
        viewport.setZoom(value);
    }

    /**
     * Follows the window's text size ({@code fontPx} is its root font): the drawing keeps its proportions, so larger
     * text is a larger zoom, as far as the width allows. A zoom the user picked themselves is kept.
     */
    void followTextSize(double fontPx) {
        zoom.followTextSize(fontPx / NORMAL_FONT_PX);
    }

    /** The zoom at which the chain's text is as large as the window's text: "actual size". */
    public double textZoom() {
        return zoom.textZoom();
    }

    /**
     * Folds what needs no attention again and picks the zoom at which the whole chain shows, at most the actual
     * size.
     */
    public void fitToWindow() {
        expanded.clear();
        collapse.set(true);
        store.changed();
        store.flush();
        viewport.setZoom(viewport.fittingZoom(layout.height(), zoom.textZoom()));
        store.flush();
    }

    /** Shows every step, or folds passed stretches again. */
    public void setCollapsed(boolean fold) {
        collapse.set(fold);
        expanded.clear();
        store.changed();
    }

    /** True while passed stretches are folded. */
    public ReadOnlyBooleanProperty collapsedProperty() {
        return collapse;
    }

    /** Opens a fold (by {@link Fold#id()}). */
    public void expand(String foldId) {
        if (expanded.add(foldId)) {
            store.changed();
        }
    }

    /** Opens the fold a hop is hidden in, if any, and scrolls its box into view. */
    public void revealHop(String hopId) {
        store.flush();
        layout.foldOf(hopId).ifPresent(this::expand);
        store.flush();
        if (follow.scrollTo(hopId)) {
            follow.revealAfterLayout(hopId);
        }
    }

    // ----- details -----

    /** Opens the details of a hop, as a click or Enter on its box does. */
    public void openDetails(Hop hop) {
        selection.open(hop);
        revealHop(hop.id());
    }

    /** Closes the details pane and gives the focus back to the box it was about. */
    public void closeDetails() {
        Hop was = selection.close();
        if (was != null) {
            nodeFor(was.id()).ifPresent(Node::requestFocus);
        }
    }

    // ----- export -----

    /**
     * The whole chain (nothing folded) rendered at {@code pixelScale} times its size, independent of the zoom on
     * screen and without focus or selection marks: a clean picture to share.
     */
    public WritableImage snapshot(double pixelScale) {
        return exporter.picture(store.hops(), store.checks(), isDark(), pixelScale).image();
    }

    /** Writes a PNG at {@link #PNG_SCALE}× to {@code file}; the picture is taken now, encoded and written later. */
    public CompletableFuture<Path> exportPng(Path file) {
        return exporter.writePng(store.hops(), store.checks(), isDark(), PNG_SCALE, file);
    }

    /** Writes the whole chain as SVG (the same drawing as the HTML report's) to {@code file}, off this thread. */
    public CompletableFuture<Path> exportSvg(Path file) {
        return exporter.writeSvg(store.hops(), store.checks(), isDark(), file);
    }

    // ----- drawing -----

    private void rebuild() {
        long start = System.nanoTime();
        String focusedId = shapes.views().entrySet().stream().filter(e -> e.getValue().isFocused())
                .map(Map.Entry::getKey).findFirst().orElse(null);
        List<Hop> hops = store.hops();
        List<Check> checks = store.checks();
        layout = ChainLayout.of(hops, new ChainLayout.Options(viewport.layoutWidth(), collapse.get(), expanded,
                ChainFindings.fixes(hops, checks), changes.keySet()));
        viewport.canvas().getChildren().setAll(shapes.draw(layout, true, this::wire, texts.get("empty")));
        viewport.setContentSize(layout.width(), layout.height());
        zoom.laidOut(layout.width());
        selection.mark();
        markChanges();
        rootCause = ChainFindings.rootCause(layout, checks);
        banner.update(rootCause, hops);
        setAccessibleText(texts.get("diagram.accessible", String.valueOf(hops.size())));
        if (focusedId != null && shapes.view(focusedId) != null) {
            shapes.view(focusedId).requestFocus();
        } else if (follow.following()) {
            // The broken hop, else the first one changed since an earlier check (Verify): what to look at.
            Optional<String> target = rootCause.map(r -> r.hop().id())
                    .or(() -> layout.order().stream().filter(changes::containsKey).findFirst());
            target.ifPresent(id -> follow.revealAfterLayout(id));
        }
        rebuilds++;
        rebuildNanos += System.nanoTime() - start;
    }

    private void wire(Node view) {
        ChainKeyboard.wire(view, hoverTip, new ChainKeyboard.Actions() {
            @Override
            public Optional<Node> target(String fromId, KeyCode key) {
                follow.stop();
                return ChainKeyboard.target(layout, fromId, key).map(shapes::view);
            }

            @Override
            public void activate(Node target) {
                ChainDiagram.this.activate(target);
            }

            @Override
            public void reveal(String id) {
                follow.scrollTo(id);
            }
        });
    }

    private void activate(Node view) {
        if (view instanceof ChainNodeView box) {
            openDetails(box.hop());
        } else if (view instanceof ChainFoldView fold) {
            String first = fold.fold().hops().get(0).id();
            expand(fold.fold().id());
            store.flush();
            nodeFor(first).ifPresent(Node::requestFocus);
        }
    }

    private String hoverText(Node owner) {
        if (owner instanceof ChainNodeView view) {
            return tooltipText(view.hop());
        }
        return owner instanceof ChainFoldView fold ? ChainCaptions.tooltip(fold.fold(), names) : "";
    }

    /** The hover text: the hop's whole value, what happened, and the fix of every check about it. */
    String tooltipText(Hop hop) {
        return ChainCaptions.tooltip(hop, checksFor(hop.id()), names);
    }
}
