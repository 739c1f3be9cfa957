package dev.signpost.ui.chain;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ChainLayout.Edge;
import dev.signpost.core.report.ChainLayout.Group;
import dev.signpost.core.report.ChainLayout.LaneBand;
import dev.signpost.core.report.ChainLayout.NodeBox;
import dev.signpost.core.report.ExportTexts;
import dev.signpost.core.report.SvgChain;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The resolution chain drawn from a report's hops: two lanes (federation, clients), one box per hop, edges labelled
 * with the rule applied, fan-outs for several SRV records or addresses, IPv4 and IPv6 framed apart, branches not
 * taken faint with their reason. It fills in live ({@link #update(Hop)}), scrolls and zooms (Ctrl + wheel, toolbar)
 * and fits the window until the user zooms. Clicking a box or pressing Enter on it opens {@link ChainDetailsPane};
 * hovering shows the hop's explanation and the fix of the checks about it. No network code: it only draws what it
 * is given.
 *
 * <p>All methods must be called on the JavaFX thread; {@link #liveListener()} hands engine events over to it.
 */
public final class ChainDiagram extends BorderPane {

    /** Smallest and largest zoom. */
    public static final double MIN_ZOOM = 0.25;
    public static final double MAX_ZOOM = 3.0;
    /** Fitting never shrinks below this: past it the chain is scrolled instead. */
    public static final double MIN_FIT_ZOOM = 0.6;
    /** Pixel density of PNG exports. */
    public static final double PNG_SCALE = 2.0;

    private static final String STYLESHEET =
            ChainDiagram.class.getResource("/dev/signpost/ui/chain/chain.css").toExternalForm();

    private final Locale locale;
    private final ExportTexts names;
    private final ChainTexts texts;
    private final Map<String, Hop> hops = new LinkedHashMap<>();
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final Map<String, ChainNodeView> views = new HashMap<>();
    private final Pane canvas = new Pane();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ScrollPane scroll;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final ChainDetailsPane details;
    private final ReadOnlyObjectWrapper<Hop> selected = new ReadOnlyObjectWrapper<>();
    private final Label zoomLabel = new Label();
    private final Label message = new Label();
    /** One tooltip shared by all boxes, filled in when shown: cheaper than one per box on every redraw. */
    private final Tooltip hoverTip = new Tooltip();
    private Set<String> highlighted = Set.of();
    private ChainLayout layout = ChainLayout.of(List.of());
    private boolean userZoomed;

    /** A diagram speaking the default locale's language. */
    public ChainDiagram() {
        this(Locale.getDefault());
    }

    /** A diagram speaking the given language. */
    public ChainDiagram(Locale locale) {
        this.locale = locale;
        this.names = new ExportTexts(locale);
        this.texts = new ChainTexts(locale);
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("chain-diagram");

        canvas.getStyleClass().add("chain-canvas");
        javafx.scene.Group zoomed = new javafx.scene.Group(canvas);
        zoomed.getTransforms().add(scale);
        // The outer group reports the scaled bounds, so the scroll pane's extent follows the zoom.
        scroll = new ScrollPane(new javafx.scene.Group(zoomed));
        scroll.setPannable(true);
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                setZoom(getZoom() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
                e.consume();
            }
        });
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (!userZoomed) {
                fit();
            }
        });
        zoom.addListener((obs, old, now) -> {
            scale.setX(now.doubleValue());
            scale.setY(now.doubleValue());
            zoomLabel.setText(texts.get("toolbar.zoomLevel", String.valueOf(Math.round(now.doubleValue() * 100))));
        });
        zoomLabel.setText(texts.get("toolbar.zoomLevel", "100"));
        setCenter(scroll);
        setTop(toolbar());

        hoverTip.setShowDelay(Duration.millis(250));
        hoverTip.setShowDuration(Duration.seconds(30));
        hoverTip.setWrapText(true);
        hoverTip.setMaxWidth(380);
        hoverTip.setOnShowing(e -> {
            if (hoverTip.getOwnerNode() instanceof ChainNodeView view) {
                hoverTip.setText(tooltipText(view.hop()));
            }
        });
        details = new ChainDetailsPane(locale);
        details.setOnClose(this::closeDetails);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && getRight() != null) {
                closeDetails();
                e.consume();
            }
        });
        rebuild();
    }

    // ----- data in -----

    /** Adds a hop, or replaces the hop with the same id in its place, and redraws. */
    public void update(Hop hop) {
        hops.put(hop.id(), hop);
        rebuild();
        Hop shown = details.hop();
        if (shown != null && shown.id().equals(hop.id())) {
            openDetails(hop);
        }
    }

    /** Adds or replaces several hops (by id) with one redraw, as when events arrive in a burst. */
    public void updateAll(Collection<Hop> newHops) {
        if (newHops.isEmpty()) {
            return;
        }
        newHops.forEach(h -> hops.put(h.id(), h));
        rebuild();
        Hop shown = details.hop();
        if (shown != null && hops.containsKey(shown.id()) && !hops.get(shown.id()).equals(shown)) {
            openDetails(hops.get(shown.id()));
        }
    }

    /** Records a final verdict, whose fix then shows on hover and in the details of the hops it names. */
    public void updateCheck(Check check) {
        checks.put(check.id(), check);
        rebuild();
    }

    /** Shows a finished report, replacing everything shown before. */
    public void setReport(Report report) {
        String shown = details.hop() == null ? null : details.hop().id();
        hops.clear();
        checks.clear();
        report.hops().forEach(h -> hops.put(h.id(), h));
        report.checks().forEach(c -> checks.put(c.id(), c));
        rebuild();
        if (shown != null && hops.containsKey(shown)) {
            openDetails(hops.get(shown));
        } else {
            closeDetails();
        }
    }

    /** Removes everything, as before a new run. */
    public void clear() {
        hops.clear();
        checks.clear();
        closeDetails();
        userZoomed = false;
        rebuild();
    }

    /**
     * A listener to give the engine: it hands events to the JavaFX thread and applies them there, several at a
     * time when they arrive faster than the screen redraws, in arrival order. The diagram itself does no I/O.
     */
    public ReportListener liveListener() {
        ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        // Events come in bursts (A and AAAA, every address at once): apply whatever has arrived in one redraw.
        Runnable drain = () -> {
            scheduled.set(false);
            List<Hop> newHops = new ArrayList<>();
            List<Check> newChecks = new ArrayList<>();
            for (Object event = pending.poll(); event != null; event = pending.poll()) {
                if (event instanceof Hop hop) {
                    newHops.add(hop);
                } else if (event instanceof Check check) {
                    newChecks.add(check);
                }
            }
            newChecks.forEach(c -> checks.put(c.id(), c));
            if (!newHops.isEmpty()) {
                updateAll(newHops);
            } else if (!newChecks.isEmpty()) {
                rebuild();
            }
        };
        return new ReportListener() {
            @Override
            public void onHop(Hop hop) {
                offer(hop);
            }

            @Override
            public void onCheck(Check check) {
                offer(check);
            }

            private void offer(Object event) {
                pending.add(event);
                if (scheduled.compareAndSet(false, true)) {
                    Platform.runLater(drain);
                }
            }
        };
    }

    /** Marks hops (by id) as changed, e.g. in the "after" side of a comparison. */
    public void setHighlighted(Collection<String> hopIds) {
        highlighted = Set.copyOf(hopIds);
        views.forEach((id, view) -> view.setChanged(highlighted.contains(id)));
    }

    // ----- state out -----

    /** The hops shown, in the order they first arrived. */
    public List<Hop> hops() {
        return List.copyOf(hops.values());
    }

    /** The current geometry. */
    public ChainLayout layoutResult() {
        return layout;
    }

    /** The hop whose details are open, or null. */
    public ReadOnlyObjectProperty<Hop> selectedHopProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The details pane (shown on the right when a hop is selected). */
    public ChainDetailsPane detailsPane() {
        return details;
    }

    /** The box drawn for a hop, for hosts and tests that want to focus or point at it. */
    public Optional<Node> nodeFor(String hopId) {
        return Optional.ofNullable(views.get(hopId));
    }

    /** The checks that name a hop in {@link Check#hopIds()}. */
    public List<Check> checksFor(String hopId) {
        return checks.values().stream().filter(c -> c.hopIds().contains(hopId)).toList();
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

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public double getZoom() {
        return zoom.get();
    }

    /**
     * Sets the zoom, kept between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}; the chain then stops fitting itself to
     * the window until {@link #fitToWindow()} or the Fit button.
     */
    public void setZoom(double value) {
        userZoomed = true;
        applyZoom(value);
    }

    private void applyZoom(double value) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value)));
    }

    /**
     * Scales the chain to fit the visible area (never above 100 %, never below {@link #MIN_FIT_ZOOM}) and keeps it
     * fitted as hops arrive and the window changes size.
     */
    public void fitToWindow() {
        userZoomed = false;
        fit();
    }

    private void fit() {
        Bounds viewport = scroll.getViewportBounds();
        if (viewport == null || viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return;
        }
        double fit = Math.min(viewport.getWidth() / layout.width(), viewport.getHeight() / layout.height());
        applyZoom(Math.max(MIN_FIT_ZOOM, Math.min(1.0, fit)));
    }

    // ----- details -----

    /** Opens the details of a hop, as a click or Enter on its box does. */
    public void openDetails(Hop hop) {
        details.show(hop, checksFor(hop.id()));
        selected.set(hop);
        views.forEach((id, view) -> view.setSelected(id.equals(hop.id())));
        if (getRight() != details) {
            setRight(details);
            // The pane narrows the view: lay out now so the selected box can be scrolled back into sight.
            applyCss();
            layout();
        }
        ChainNodeView view = views.get(hop.id());
        if (view != null) {
            ensureVisible(view);
        }
    }

    /** Closes the details pane and gives the focus back to the box it was about. */
    public void closeDetails() {
        Hop was = selected.get();
        selected.set(null);
        details.clear();
        setRight(null);
        views.values().forEach(v -> v.setSelected(false));
        if (was != null && views.containsKey(was.id())) {
            views.get(was.id()).requestFocus();
        }
    }

    // ----- export -----

    /**
     * The chain rendered at {@code pixelScale} times its size, independent of the zoom on screen and without focus
     * or selection marks: a clean picture to share.
     */
    public WritableImage snapshot(double pixelScale) {
        Pane picture = new Pane();
        picture.getStylesheets().add(STYLESHEET);
        picture.getStyleClass().addAll("chain-diagram", "chain-canvas");
        if (getStyleClass().contains("dark")) {
            picture.getStyleClass().add("dark");
        }
        picture.getChildren().setAll(draw(layout, false));
        picture.setPrefSize(layout.width(), layout.height());
        picture.setMinSize(layout.width(), layout.height());
        picture.setMaxSize(layout.width(), layout.height());
        picture.resize(layout.width(), layout.height());
        // A scene of its own gives the picture CSS and layout without disturbing the diagram on screen.
        new Scene(picture);
        picture.applyCss();
        picture.layout();
        int width = (int) Math.ceil(layout.width() * pixelScale);
        int height = (int) Math.ceil(layout.height() * pixelScale);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(new Scale(pixelScale, pixelScale));
        parameters.setViewport(new Rectangle2D(0, 0, width, height));
        return picture.snapshot(parameters, new WritableImage(width, height));
    }

    /** Writes a PNG at {@link #PNG_SCALE}× to {@code file}, replacing it only once the image is complete. */
    public void exportPng(Path file) throws IOException {
        BufferedImage image = SwingFXUtils.fromFXImage(snapshot(PNG_SCALE), null);
        Path temp = tempBeside(file);
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes the chain as SVG (the same drawing as the HTML report's) to {@code file}. */
    public void exportSvg(Path file) throws IOException {
        Path temp = tempBeside(file);
        try {
            Files.writeString(temp, SvgChain.write(hops(), locale), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path tempBeside(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return Files.createTempFile(dir, ".signpost-", ".part");
    }

    // ----- drawing -----

    private HBox toolbar() {
        Button out = toolButton("−", "toolbar.zoomOut", () -> setZoom(getZoom() / 1.2));
        Button in = toolButton("+", "toolbar.zoomIn", () -> setZoom(getZoom() * 1.2));
        Button fit = toolButton(texts.get("toolbar.fit"), "toolbar.fit", this::fitToWindow);
        Button actual = toolButton(texts.get("toolbar.actualSize"), "toolbar.actualSize", () -> setZoom(1));
        Button png = toolButton(texts.get("toolbar.exportPng"), "toolbar.exportPng",
                () -> chooseAndExport("export.pngTitle", "export.pngFilter", "*.png", "chain.png", true));
        Button svg = toolButton(texts.get("toolbar.exportSvg"), "toolbar.exportSvg",
                () -> chooseAndExport("export.svgTitle", "export.svgFilter", "*.svg", "chain.svg", false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        message.setWrapText(true);
        HBox bar = new HBox(out, zoomLabel, in, fit, actual, message, spacer, png, svg);
        bar.getStyleClass().add("chain-toolbar");
        return bar;
    }

    private Button toolButton(String text, String key, Runnable action) {
        Button button = new Button(text);
        button.setAccessibleText(texts.get(key));
        button.setTooltip(new Tooltip(texts.get(key)));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    private void chooseAndExport(String titleKey, String filterKey, String pattern, String name, boolean png) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get(filterKey), pattern));
        chooser.setInitialFileName(name);
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            if (png) {
                exportPng(file.toPath());
            } else {
                exportSvg(file.toPath());
            }
            message.setText("");
        } catch (IOException e) {
            message.setText(texts.get("export.failed", file.getName(), e.getMessage()));
        }
    }

    private void rebuild() {
        String focusedId = views.entrySet().stream().filter(e -> e.getValue().isFocused()).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        layout = ChainLayout.of(List.copyOf(hops.values()));
        List<Node> children = draw(layout, true);
        canvas.getChildren().setAll(children);
        canvas.setPrefSize(layout.width(), layout.height());
        canvas.setMinSize(layout.width(), layout.height());
        canvas.setMaxSize(layout.width(), layout.height());
        setAccessibleText(texts.get("diagram.accessible", String.valueOf(hops.size())));
        if (!userZoomed) {
            fit();
        }
        if (focusedId != null && views.containsKey(focusedId)) {
            views.get(focusedId).requestFocus();
        }
    }

    /**
     * The shapes of a layout. Interactive drawings wire clicks, keys and tooltips and remember the boxes; export
     * drawings are plain pictures, without focus or selection marks.
     */
    private List<Node> draw(ChainLayout chain, boolean interactive) {
        Map<String, ChainNodeView> previous = new HashMap<>(views);
        if (interactive) {
            views.clear();
        }
        List<Node> children = new ArrayList<>();
        Rectangle background = new Rectangle(chain.width(), chain.height());
        background.getStyleClass().add("chain-background");
        background.setFill(javafx.scene.paint.Color.TRANSPARENT);
        children.add(background);
        for (LaneBand lane : chain.lanes()) {
            Rectangle band = new Rectangle(lane.x(), lane.y(), lane.width(), lane.height());
            band.getStyleClass().add("lane-band");
            Text title = new Text(lane.x() + 12, lane.y() + 18, names.lane(lane.lane()));
            title.getStyleClass().add("lane-title");
            children.addAll(List.of(band, title));
        }
        for (Group group : chain.groups()) {
            Rectangle frame = new Rectangle(group.x(), group.y(), group.width(), group.height());
            frame.getStyleClass().addAll("family-group", group.family() == AddressFamily.IPV6 ? "ipv6" : "ipv4");
            Text tag = new Text(names.family(group.family()));
            tag.getStyleClass().add("family-tag");
            tag.setX(group.x() + group.width() - 40);
            tag.setY(group.y() + 15);
            children.addAll(List.of(frame, tag));
        }
        for (Edge edge : chain.edges()) {
            children.addAll(edgeShapes(edge));
        }
        for (NodeBox box : chain.nodes()) {
            Hop hop = box.hop();
            String caption = hop.rule() != null ? hop.rule() : (hop.taken() ? null : names.get("notTaken"));
            if (caption != null) {
                children.add(smallText(caption, "edge-label", box.x() + 2, box.y() - 4,
                        box.width() + ChainLayout.COLUMN_GAP / 2));
            }
            if (!hop.taken() && hop.detail() != null) {
                children.add(smallText(hop.detail(), "not-taken-reason", box.x() + 4, box.bottom() + 12,
                        box.width() + ChainLayout.COLUMN_GAP));
            }
        }
        for (NodeBox box : chain.nodes()) {
            ChainNodeView reusable = interactive ? previous.get(box.id()) : null;
            ChainNodeView view;
            if (reusable != null && reusable.shows(box)) {
                // Unchanged hop: move the existing box instead of building a new one (live runs redraw often).
                view = reusable;
                view.relocate(box.x(), box.y());
            } else {
                view = new ChainNodeView(box, names, texts);
                if (interactive) {
                    wire(view);
                }
            }
            if (interactive) {
                view.setChanged(highlighted.contains(box.id()));
                view.setSelected(selected.get() != null && selected.get().id().equals(box.id()));
                views.put(box.id(), view);
            } else {
                view.setFocusTraversable(false);
            }
            children.add(view);
        }
        if (chain.nodes().isEmpty()) {
            Label empty = new Label(texts.get("empty"));
            empty.getStyleClass().add("chain-empty");
            empty.relocate(ChainLayout.MARGIN, ChainLayout.MARGIN);
            children.add(empty);
        }
        return children;
    }

    private List<Node> edgeShapes(Edge edge) {
        String status = "status-" + edge.status().name().toLowerCase(Locale.ROOT);
        double bend = ChainLayout.COLUMN_GAP / 2;
        double endX = edge.x2() - 1;
        javafx.scene.shape.Path path = new javafx.scene.shape.Path(new MoveTo(edge.x1(), edge.y1()),
                new CubicCurveTo(edge.x1() + bend, edge.y1(), edge.x2() - bend, edge.y2(), endX - 6, edge.y2()));
        path.getStyleClass().addAll("chain-edge", status);
        Polygon arrow = new Polygon(endX - 7, edge.y2() - 4, endX, edge.y2(), endX - 7, edge.y2() + 4);
        arrow.getStyleClass().addAll("chain-arrow", status);
        if (!edge.taken()) {
            path.getStyleClass().add("not-taken");
            arrow.getStyleClass().add("not-taken");
        }
        path.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        return List.of(path, arrow);
    }

    private static Text smallText(String content, String styleClass, double x, double baseline, double width) {
        Text text = new Text(x, baseline, ChainLayout.fit(content, width, 5.8));
        text.getStyleClass().add(styleClass);
        text.setMouseTransparent(true);
        return text;
    }

    private void wire(ChainNodeView view) {
        Hop hop = view.hop();
        view.setOnMouseClicked(e -> {
            view.requestFocus();
            openDetails(hop);
        });
        view.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ENTER, SPACE -> openDetails(hop);
                case LEFT -> moveFocus(neighbour(hop, -1, 0));
                case RIGHT -> moveFocus(neighbour(hop, 1, 0));
                case UP -> moveFocus(neighbour(hop, 0, -1));
                case DOWN -> moveFocus(neighbour(hop, 0, 1));
                default -> {
                    return;
                }
            }
            e.consume();
        });
        view.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                ensureVisible(view);
            }
        });
        Tooltip.install(view, hoverTip);
    }

    /** The hover text: what happened on this hop, and the fix of every check about it that needs action. */
    String tooltipText(Hop hop) {
        List<String> lines = new ArrayList<>();
        lines.add(names.kind(hop.kind()) + ": " + (hop.label() == null ? "" : hop.label()) + " — "
                + names.status(hop.status()));
        if (hop.detail() != null) {
            lines.add(hop.taken() ? hop.detail() : texts.get("tooltip.notTaken", hop.detail()));
        }
        Set<String> fixes = new HashSet<>();
        for (Check check : checksFor(hop.id())) {
            if (ChainDetailsPane.actionable(check) && check.fix() != null && fixes.add(check.fix())) {
                lines.add(texts.get("tooltip.fix", check.fix()));
            }
        }
        return String.join("\n", lines);
    }

    /** The box left/right (parent / first child) or up/down (nearest in the same column) of a hop. */
    private Optional<ChainNodeView> neighbour(Hop hop, int dx, int dy) {
        NodeBox from = layout.node(hop.id()).orElse(null);
        if (from == null) {
            return Optional.empty();
        }
        if (dx < 0) {
            return Optional.ofNullable(hop.parentId()).map(views::get);
        }
        if (dx > 0) {
            return layout.edges().stream().filter(e -> e.fromId().equals(hop.id())).findFirst()
                    .map(e -> views.get(e.toId()));
        }
        Comparator<NodeBox> byDistance = Comparator.comparingDouble(b -> Math.abs(b.y() - from.y()));
        return layout.nodes().stream()
                .filter(b -> b.column() == from.column() && (dy < 0 ? b.y() < from.y() : b.y() > from.y()))
                .min(byDistance)
                .map(b -> views.get(b.id()));
    }

    private static void moveFocus(Optional<ChainNodeView> target) {
        target.ifPresent(Node::requestFocus);
    }

    /** Scrolls so that a box is in view. */
    private void ensureVisible(Node node) {
        Bounds viewport = scroll.getViewportBounds();
        double contentWidth = layout.width() * getZoom();
        double contentHeight = layout.height() * getZoom();
        double x = node.getBoundsInParent().getMinX() * getZoom();
        double y = node.getBoundsInParent().getMinY() * getZoom();
        double w = node.getBoundsInParent().getWidth() * getZoom();
        double h = node.getBoundsInParent().getHeight() * getZoom();
        double extraW = contentWidth - viewport.getWidth();
        double extraH = contentHeight - viewport.getHeight();
        if (extraW > 0) {
            double left = scroll.getHvalue() * extraW;
            if (x < left) {
                scroll.setHvalue(x / extraW);
            } else if (x + w > left + viewport.getWidth()) {
                scroll.setHvalue(Math.min(1, (x + w - viewport.getWidth()) / extraW));
            }
        }
        if (extraH > 0) {
            double top = scroll.getVvalue() * extraH;
            if (y < top) {
                scroll.setVvalue(y / extraH);
            } else if (y + h > top + viewport.getHeight()) {
                scroll.setVvalue(Math.min(1, (y + h - viewport.getHeight()) / extraH));
            }
        }
    }
}
