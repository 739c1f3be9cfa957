package dev.signpost.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG AA contrast of the wizard's stylesheets in both palettes, computed from the files themselves: every rule's
 * text colour against its own background or, when it has none, every surface text is drawn on (4.5:1, 3:1 for large
 * text); placeholders against fields; status discs against surfaces and their glyphs against the discs (3:1, graphics);
 * and text dimmed by opacity.
 */
class StylesheetContrastTest {

    /** Backgrounds a label without its own background can sit on. */
    private static final List<String> TEXT_SURFACES =
            List.of("-sp-bg", "-sp-surface", "-sp-sidebar", "-sp-notice-bg", "-sp-error-bg", "-sp-code-bg");
    private static final List<String> FIELD_SURFACES = List.of("-sp-surface", "-sp-code-bg");
    private static final double BASE_FONT_PX = 13;

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("(-[\\w-]+)\\s*:\\s*([^;]+);");
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    @ParameterizedTest
    @ValueSource(strings = {"light.css", "dark.css"})
    void everyTextAndBadgeMeetsWcagAa(String paletteFile) throws IOException {
        Map<String, String> palette = new LinkedHashMap<>();
        for (Rule rule : rules(read(paletteFile))) {
            rule.declarations().forEach((name, value) -> {
                if (name.startsWith("-sp-") && HEX.matcher(value).matches()) {
                    palette.put(name, value);
                }
            });
        }
        List<Rule> layout = rules(read("signpost.css"));
        List<String> failures = new ArrayList<>();
        int pairs = 0;

        for (Rule rule : layout) {
            String text = colour(rule.declarations().get("-fx-text-fill"), palette, rule, failures);
            if (text == null) {
                continue;
            }
            double needed = isLarge(rule) ? 3.0 : 4.5;
            String own = colour(rule.declarations().get("-fx-background-color"), palette, rule, failures);
            List<String> backgrounds = own != null ? List.of(own)
                    : TEXT_SURFACES.stream().map(palette::get).toList();
            for (String background : backgrounds) {
                pairs++;
                check(failures, rule.selector() + " text", text, background, needed);
            }
        }
        for (Rule rule : layout) {
            String prompt = colour(rule.declarations().get("-fx-prompt-text-fill"), palette, rule, failures);
            if (prompt != null) {
                for (String field : FIELD_SURFACES) {
                    pairs++;
                    check(failures, rule.selector() + " placeholder on " + field, prompt, palette.get(field), 4.5);
                }
            }
        }
        String glyph = null;
        for (Rule rule : layout) {
            if (rule.selector().contains(".status-icon > .glyph")) {
                glyph = colour(rule.declarations().get("-fx-background-color"), palette, rule, failures);
            }
        }
        assertThat(glyph).as("the status glyph colour").isNotNull();
        int discs = 0;
        for (Rule rule : layout) {
            if (rule.selector().startsWith(".status-icon.status-")) {
                String disc = colour(rule.declarations().get("-fx-background-color"), palette, rule, failures);
                discs++;
                check(failures, rule.selector() + " glyph", glyph, disc, 3.0);
                for (String surface : TEXT_SURFACES) {
                    pairs++;
                    check(failures, rule.selector() + " on " + surface, disc, palette.get(surface), 3.0);
                }
            }
        }
        for (Rule rule : layout) {
            String opacity = rule.declarations().get("-fx-opacity");
            if (opacity != null && Double.parseDouble(opacity) < 1 && !rule.selector().contains(":disabled")) {
                double alpha = Double.parseDouble(opacity);
                for (String surface : TEXT_SURFACES) {
                    String background = palette.get(surface);
                    for (String text : List.of("-sp-text", "-sp-muted")) {
                        pairs++;
                        check(failures, rule.selector() + " (" + text + " at " + opacity + ") on " + surface,
                                blend(palette.get(text), background, alpha), background, 4.5);
                    }
                }
            }
        }

        assertThat(discs).as("status discs found").isGreaterThanOrEqualTo(5);
        assertThat(pairs).as("colour pairs found in the stylesheets").isGreaterThan(100);
        assertThat(failures).as("pairs below WCAG AA in " + paletteFile).isEmpty();
    }

    private static boolean isLarge(Rule rule) {
        String size = rule.declarations().get("-fx-font-size");
        if (size == null || !size.endsWith("em")) {
            return false;
        }
        double px = Double.parseDouble(size.replace("em", "").trim()) * BASE_FONT_PX;
        boolean bold = "bold".equals(rule.declarations().get("-fx-font-weight"));
        return px >= 24 || bold && px >= 18.66;
    }

    /** The colour a declaration names, or null when it is not one solid colour (transparent, gradients). */
    private static String colour(String value, Map<String, String> palette, Rule rule, List<String> failures) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("-sp-")) {
            String resolved = palette.get(v);
            if (resolved == null) {
                failures.add(rule.selector() + " uses " + v + ", which the palette does not define");
            }
            return resolved;
        }
        return HEX.matcher(v).matches() ? v : null;
    }

    private static void check(List<String> failures, String what, String foreground, String background, double needed) {
        double ratio = contrast(foreground, background);
        if (ratio < needed) {
            failures.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1, needs %.1f:1", what, foreground,
                    background, ratio, needed));
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    private static String blend(String foreground, String background, double alpha) {
        StringBuilder out = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            int f = Integer.parseInt(foreground.substring(1 + 2 * i, 3 + 2 * i), 16);
            int b = Integer.parseInt(background.substring(1 + 2 * i, 3 + 2 * i), 16);
            out.append(String.format("%02x", (int) Math.round(alpha * f + (1 - alpha) * b)));
        }
        return out.toString();
    }

    private static List<Rule> rules(String css) {
        List<Rule> rules = new ArrayList<>();
        Matcher matcher = RULE.matcher(COMMENT.matcher(css).replaceAll(""));
        while (matcher.find()) {
            Map<String, String> declarations = new LinkedHashMap<>();
            Matcher d = DECLARATION.matcher(matcher.group(2));
            while (d.find()) {
                declarations.put(d.group(1), d.group(2).trim());
            }
            for (String selector : matcher.group(1).split(",")) {
                rules.add(new Rule(selector.trim(), declarations));
            }
        }
        return rules;
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ThemeManager.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Rule(String selector, Map<String, String> declarations) {
    }
}
