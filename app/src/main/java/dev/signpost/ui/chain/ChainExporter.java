package dev.signpost.ui.chain;

import dev.signpost.core.io.UiThreadRule;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.report.ChainFindings;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.SvgChain;
import dev.signpost.core.concurrent.NamedDaemonThreadFactory;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Scale;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Writes the chain to files. Only taking the picture happens on the UI thread (JavaFX requires it); encoding the
 * PNG and every file write run on the worker, and a file is replaced only once it is complete.
 */
final class ChainExporter {

    private final Executor worker;
    private final String stylesheet;
    private final ChainShapes shapes;
    private final Locale locale;

    /** One worker for the exports of every diagram: exports are rare and must not pile up threads. */
    private static final Executor SHARED_WORKER = Executors.newSingleThreadExecutor(
            new NamedDaemonThreadFactory("signpost-export", (thread, error) -> System.getLogger(
                    ChainExporter.class.getName()).log(System.Logger.Level.ERROR, "export failed", error)));

    /** An exporter writing on the worker all diagrams share. */
    static ChainExporter onSharedWorker(String stylesheet, ChainShapes shapes, Locale locale) {
        return new ChainExporter(SHARED_WORKER, stylesheet, shapes, locale);
    }

    ChainExporter(Executor worker, String stylesheet, ChainShapes shapes, Locale locale) {
        this.worker = worker;
        this.stylesheet = stylesheet;
        this.shapes = shapes;
        this.locale = locale;
    }

    /** The same exporter writing on another worker. */
    ChainExporter withWorker(Executor other) {
        return new ChainExporter(other, stylesheet, shapes, locale);
    }

    /** What exports draw: every hop, none folded, at the default width, each broken hop with its fix. */
    static ChainLayout layout(List<Hop> hops, Collection<Check> checks) {
        return ChainLayout.of(hops, ChainLayout.Options.full(ChainFindings.fixes(hops, checks)));
    }

    /** The whole chain as a picture at {@code pixelScale}; UI thread. */
    Picture picture(List<Hop> hops, Collection<Check> checks, boolean dark, double pixelScale) {
        ChainLayout full = layout(hops, checks);
        return picture(shapes.draw(full, false, n -> { }, ""), full.width(), full.height(), dark, pixelScale);
    }

    /** Takes the picture now (UI thread); encodes and writes it as PNG on the worker. */
    CompletableFuture<Path> writePng(List<Hop> hops, Collection<Check> checks, boolean dark, double scale,
                                     Path file) {
        return writePng(picture(hops, checks, dark, scale), file);
    }

    /** Writes the whole chain as SVG (the HTML report's drawing) on the worker. */
    CompletableFuture<Path> writeSvg(List<Hop> hops, Collection<Check> checks, boolean dark, Path file) {
        return writeSvg(SvgChain.write(hops, checks, locale, dark), file);
    }

    /**
     * Pixels of {@code shapes} drawn on a {@code width}×{@code height} picture at {@code pixelScale}; UI thread.
     * The picture gets a scene of its own, so the diagram on screen is not disturbed.
     */
    Picture picture(List<Node> shapes, double width, double height, boolean dark, double pixelScale) {
        Pane picture = new Pane();
        picture.getStylesheets().add(stylesheet);
        picture.getStyleClass().addAll("chain-diagram", "chain-canvas");
        if (dark) {
            picture.getStyleClass().add("dark");
        }
        picture.getChildren().setAll(shapes);
        picture.setPrefSize(width, height);
        picture.setMinSize(width, height);
        picture.setMaxSize(width, height);
        picture.resize(width, height);
        new Scene(picture);
        picture.applyCss();
        picture.layout();
        int w = (int) Math.ceil(width * pixelScale);
        int h = (int) Math.ceil(height * pixelScale);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(new Scale(pixelScale, pixelScale));
        parameters.setViewport(new javafx.geometry.Rectangle2D(0, 0, w, h));
        WritableImage image = picture.snapshot(parameters, new WritableImage(w, h));
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Picture(w, h, argb, image);
    }

    /** Encodes and writes a picture as PNG on the worker. */
    CompletableFuture<Path> writePng(Picture picture, Path file) {
        return CompletableFuture.supplyAsync(() -> {
            UiThreadRule.forbidBlockingIo("PNG encoding");
            BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
            return write(file, temp -> {
                if (!ImageIO.write(image, "png", temp.toFile())) {
                    throw new IOException("no PNG writer available");
                }
            });
        }, worker);
    }

    /** Writes SVG text on the worker. */
    CompletableFuture<Path> writeSvg(String svg, Path file) {
        return CompletableFuture.supplyAsync(
                () -> write(file, temp -> Files.writeString(temp, svg, StandardCharsets.UTF_8)), worker);
    }

    private static Path write(Path file, FileWriter writer) {
        UiThreadRule.forbidBlockingIo("writing " + file.getFileName());
        try {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signpost-", ".part");
            try {
                writer.write(temp);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture's pixels, ready to be encoded off the UI thread, and the image they came from. */
    record Picture(int width, int height, int[] argb, WritableImage image) {
    }

    private interface FileWriter {
        void write(Path temp) throws IOException;
    }
}
