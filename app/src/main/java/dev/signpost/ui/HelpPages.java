package dev.signpost.ui;

import dev.signpost.ui.widgets.Ui;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The documentation shipped inside the application ({@code docs/*.md}, packaged as resources): reads a page or one
 * step's section of the wizard page and lays it out as wrapped labels. Only the Markdown the docs use is understood:
 * headings, paragraphs, lists, code blocks and tables; images are left out, links keep their text.
 */
public final class HelpPages {

    /** The pages offered in the About dialog: {@code docs/<name>.md}. */
    public static final List<String> PAGES = List.of("wizard", "check", "generate", "deploy", "reports");

    /** The wizard page's section of each step ("## 4 Live check"). */
    private static final Map<String, Integer> STEP_SECTION = Map.of("start", 1, "identity", 2, "hosting", 3,
            "check", 4, "files", 5, "deploy", 6, "verify", 7, "done", 8);

    private static final Pattern LINK = Pattern.compile("!?\\[([^]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|`");

    private HelpPages() {
    }

    /** The Markdown of a shipped page, {@code docs/<name>.md}. */
    public static String page(String name) {
        return resource(name + ".md");
    }

    /** The licence's text. */
    public static String licence() {
        return resource("LICENSE");
    }

    private static String resource(String name) {
        try (InputStream in = HelpPages.class.getResourceAsStream("docs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("documentation page " + name + " is not packaged");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The section of the wizard page about {@code stepId}, or the whole page for a step it does not know. */
    public static String forStep(String stepId) {
        String wizard = page("wizard");
        Integer number = STEP_SECTION.get(stepId);
        if (number == null) {
            return wizard;
        }
        String heading = "## " + number + " ";
        int start = wizard.indexOf("\n" + heading);
        if (start < 0) {
            return wizard;
        }
        int end = wizard.indexOf("\n## ", start + 1);
        return wizard.substring(start + 1, end < 0 ? wizard.length() : end);
    }

    /** The first heading of some Markdown, without the hashes. */
    public static String title(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("#")).findFirst()
                .map(l -> inline(l.replaceFirst("^#+\\s*", ""))).orElse("");
    }

    /** Lays {@code markdown} out as labels in the wizard's styles. */
    public static VBox render(String markdown) {
        VBox box = new VBox();
        box.getStyleClass().addAll("page", "help-page");
        List<Node> nodes = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        StringBuilder code = null;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) {
                if (code == null) {
                    flush(paragraph, nodes);
                    code = new StringBuilder();
                } else {
                    nodes.add(codeBlock(code.toString().stripTrailing()));
                    code = null;
                }
            } else if (code != null) {
                code.append(line).append('\n');
            } else if (line.startsWith("#")) {
                flush(paragraph, nodes);
                Label heading = Ui.section(inline(line.replaceFirst("^#+\\s*", "")));
                heading.setMinHeight(Label.USE_PREF_SIZE);
                nodes.add(heading);
            } else if (line.startsWith("![")) {
                flush(paragraph, nodes);
            } else if (line.matches("\\s*([-*]|\\d+\\.)\\s+.*")) {
                flush(paragraph, nodes);
                paragraph.append("• ").append(line.replaceFirst("^\\s*([-*]|\\d+\\.)\\s+", ""));
            } else if (line.startsWith("|")) {
                flush(paragraph, nodes);
                if (!line.matches("[|\\-: ]+")) {
                    nodes.add(codeBlock(inline(line)));
                }
            } else if (line.isBlank()) {
                flush(paragraph, nodes);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        flush(paragraph, nodes);
        box.getChildren().setAll(nodes);
        return box;
    }

    private static void flush(StringBuilder paragraph, List<Node> nodes) {
        if (!paragraph.isEmpty()) {
            Label text = new Label(inline(paragraph.toString()));
            text.setWrapText(true);
            text.setMinHeight(Label.USE_PREF_SIZE);
            nodes.add(text);
            paragraph.setLength(0);
        }
    }

    private static Label codeBlock(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-code");
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    static String inline(String text) {
        return EMPHASIS.matcher(LINK.matcher(text).replaceAll("$1")).replaceAll("");
    }
}
