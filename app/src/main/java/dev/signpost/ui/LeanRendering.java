package dev.signpost.ui;

/**
 * Prism settings that keep the renderer's textures small; Prism reads them once, when the JavaFX toolkit starts, so
 * {@link #apply()} must run before it. Region caching draws each rounded background once into a shared 2048×1024
 * texture and copies from there: with the software renderer (no GPU, a virtual display) that texture is 8 MB of Java
 * heap for the whole session, a seventh of the wizard's live heap after a full flow, to save redrawing a few rounded
 * rectangles. Drawn directly they look the same. A value the user set on the command line is kept.
 */
public final class LeanRendering {

    static final String DISABLE_REGION_CACHING = "prism.disableRegionCaching";

    private LeanRendering() {
    }

    /** Sets the properties not already set; call before the toolkit starts. */
    public static void apply() {
        if (System.getProperty(DISABLE_REGION_CACHING) == null) {
            System.setProperty(DISABLE_REGION_CACHING, "true");
        }
    }
}
