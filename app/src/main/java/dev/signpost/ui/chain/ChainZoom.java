package dev.signpost.ui.chain;

import dev.signpost.core.report.ChainLayout;

/**
 * The zoom the diagram picks by itself: the window's text size, brought down as far as needed (never below 100 %,
 * where the smallest text is still readable) so the drawing fits the width and a broken box fits the height in
 * sight. A zoom the user picked is theirs: it is kept until they pick the automatic one again.
 */
final class ChainZoom {

    private final ChainViewport viewport;
    /** The zoom at which the drawing's text matches the window's text size: 1 unless the user chose larger text. */
    private double textZoom = 1;
    /** The zoom picked here; while it is in force, it follows text size and width. */
    private double automaticZoom = 1;
    /** The drawing's width when laid out narrower than it can go, or 0 while it has always fitted. */
    private double narrowestWidth;

    ChainZoom(ChainViewport viewport) {
        this.viewport = viewport;
    }

    /** Follows a new text size, {@code scale} times the normal one. */
    void followTextSize(double scale) {
        double next = Math.max(ChainViewport.MIN_ZOOM, Math.min(ChainViewport.MAX_ZOOM, scale));
        if (Math.abs(next - textZoom) < 0.001) {
            return;
        }
        boolean automatic = isAutomatic();
        textZoom = next;
        // Large text leaves little of the chain in sight under the page's top: showing the broken hop may scroll it.
        viewport.setScrollsPage(next > 1);
        if (automatic) {
            setAutomatic(automatic());
        }
    }

    /** After a layout {@code width} wide: a drawing wider than the view brings an automatic zoom down. */
    void laidOut(double width) {
        if (width > viewport.layoutWidth() + 0.5) {
            narrowestWidth = width;
        }
        if (isAutomatic() && Math.abs(automatic() - viewport.zoom()) > 0.01) {
            // Relays out at the new zoom on the next pulse.
            setAutomatic(automatic());
        }
    }

    /** The zoom at which the chain's text is as large as the window's text: "actual size". */
    double textZoom() {
        return textZoom;
    }

    private double automatic() {
        double visible = viewport.visibleWidth();
        if (visible <= 0) {
            return textZoom;
        }
        double byWidth = narrowestWidth > 0 ? visible / narrowestWidth : textZoom;
        // A broken box with its fix and caption should fit the height in sight too.
        double tall = viewport.viewportHeight();
        double byHeight = tall > 0 ? tall / (ChainLayout.NODE_HEIGHT_WITH_FIX + ChainLayout.CAPTION_HEIGHT + 16)
                : textZoom;
        return Math.max(Math.min(1, textZoom), Math.min(textZoom, Math.min(byWidth, byHeight)));
    }

    private boolean isAutomatic() {
        return Math.abs(viewport.zoom() - automaticZoom) < 0.001;
    }

    private void setAutomatic(double value) {
        viewport.setZoom(value);
        automaticZoom = viewport.zoom();
    }
}
