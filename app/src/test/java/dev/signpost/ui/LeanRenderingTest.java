package dev.signpost.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer's settings are set before the toolkit starts, and a value given on the command line wins. */
class LeanRenderingTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(LeanRendering.DISABLE_REGION_CACHING);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(LeanRendering.DISABLE_REGION_CACHING);
        } else {
            System.setProperty(LeanRendering.DISABLE_REGION_CACHING, before);
        }
    }

    @Test
    void regionCachingIsOffUnlessTheUserSaidOtherwise() {
        System.clearProperty(LeanRendering.DISABLE_REGION_CACHING);
        LeanRendering.apply();
        assertThat(System.getProperty(LeanRendering.DISABLE_REGION_CACHING)).isEqualTo("true");

        System.setProperty(LeanRendering.DISABLE_REGION_CACHING, "false");
        LeanRendering.apply();
        assertThat(System.getProperty(LeanRendering.DISABLE_REGION_CACHING)).isEqualTo("false");
    }

    @Test
    void theDesktopStartSetsThemBeforeTheToolkitReadsThem() {
        System.clearProperty(LeanRendering.DISABLE_REGION_CACHING);
        FirstWindowInputs.start(java.util.Map.of(), "Linux", System.getProperty("java.io.tmpdir"));
        assertThat(System.getProperty(LeanRendering.DISABLE_REGION_CACHING)).isEqualTo("true");
    }
}
