package dev.signpost.core.deploy;

import dev.signpost.core.plan.WebServerKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one line that makes an existing site take the generated snippet: nginx {@code include}, Apache
 * {@code Include}, Caddy {@code import} placed in the block that serves the server name over HTTPS; for HAProxy
 * (which has no include inside a section) the snippet's lines themselves, between marker comments, in the HTTPS
 * frontend. Pure text in, text out, so a second deploy finds the line and changes nothing.
 *
 * <p>The reading is line-based, as admins write these files (one directive per line); a site that does not fit
 * is reported, never guessed at.
 */
public final class SiteConfigEdit {

    static final String BEGIN = "# BEGIN signpost well-known";
    static final String END = "# END signpost well-known";

    private SiteConfigEdit() {
    }

    /** No block in the file serves the host over HTTPS. */
    public static final class NoSiteBlock extends Exception {
        NoSiteBlock() {
            super("no site block for the host");
        }
    }

    /**
     * The config with the snippet taken in, or empty when it already is.
     *
     * @param snippet the snippet's remote path (nginx, Apache, Caddy) or its text (HAProxy)
     */
    public static Optional<String> apply(WebServerKind kind, String config, String host, String snippet)
            throws NoSiteBlock {
        return switch (kind) {
            case NGINX -> nginx(config, host, snippet);
            case APACHE -> apache(config, host, snippet);
            case CADDY -> caddy(config, host, snippet);
            case HAPROXY -> haproxy(config, snippet);
            case STATIC, HOMESERVER -> Optional.empty();
        };
    }

    static Optional<String> nginx(String config, String host, String snippetPath) throws NoSiteBlock {
        List<String> lines = lines(config);
        int depth = 0;
        int blockStart = -1;
        int blockDepth = -1;
        int nameLine = -1;
        boolean tls = false;
        boolean included = false;
        for (int i = 0; i < lines.size(); i++) {
            String code = code(lines.get(i));
            String[] words = words(code);
            if (words.length > 0 && depth == blockDepth + 1 && blockStart >= 0) {
                String directive = words[0];
                if (directive.equals("server_name") && contains(words, host)) {
                    nameLine = i;
                } else if (directive.equals("listen") && (contains(words, "ssl") || code.contains("443")
                        || contains(words, "quic"))) {
                    tls = true;
                } else if (directive.equals("include") && words.length > 1
                        && strip(words[1]).equals(snippetPath)) {
                    included = true;
                }
            }
            if (blockStart < 0 && code.matches("\\s*server\\s*\\{.*")) {
                blockStart = i;
                blockDepth = depth;
                nameLine = -1;
                tls = false;
                included = false;
            }
            depth += count(code, '{') - count(code, '}');
            if (blockStart >= 0 && depth <= blockDepth) {
                if (nameLine >= 0 && tls) {
                    if (included) {
                        return Optional.empty();
                    }
                    lines.add(nameLine + 1, indent(lines.get(nameLine)) + "include " + snippetPath + ";");
                    return Optional.of(join(lines));
                }
                blockStart = -1;
                blockDepth = -1;
            }
        }
        throw new NoSiteBlock();
    }

    static Optional<String> apache(String config, String host, String snippetPath) throws NoSiteBlock {
        List<String> lines = lines(config);
        int start = -1;
        int nameLine = -1;
        boolean tls = false;
        boolean included = false;
        for (int i = 0; i < lines.size(); i++) {
            String code = code(lines.get(i)).strip();
            String lower = code.toLowerCase(Locale.ROOT);
            String[] words = words(code);
            if (lower.startsWith("<virtualhost")) {
                start = i;
                nameLine = -1;
                tls = lower.contains(":443");
                included = false;
            } else if (start >= 0 && lower.startsWith("</virtualhost")) {
                if (nameLine >= 0 && tls) {
                    if (included) {
                        return Optional.empty();
                    }
                    lines.add(nameLine + 1, indent(lines.get(nameLine)) + "Include " + snippetPath);
                    return Optional.of(join(lines));
                }
                start = -1;
            } else if (start >= 0 && words.length > 1) {
                String directive = words[0].toLowerCase(Locale.ROOT);
                if ((directive.equals("servername") || directive.equals("serveralias")) && contains(words, host)) {
                    nameLine = nameLine < 0 || directive.equals("servername") ? i : nameLine;
                } else if (directive.equals("sslengine") && words[1].equalsIgnoreCase("on")) {
                    tls = true;
                } else if ((directive.equals("include") || directive.equals("includeoptional"))
                        && strip(words[1]).equals(snippetPath)) {
                    included = true;
                }
            }
        }
        throw new NoSiteBlock();
    }

    static Optional<String> caddy(String config, String host, String snippetPath) throws NoSiteBlock {
        List<String> lines = lines(config);
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String code = code(lines.get(i));
            if (depth == 0 && code.strip().endsWith("{") && namesSite(code, host)) {
                int end = i + 1;
                int inner = 1;
                boolean included = false;
                for (; end < lines.size() && inner > 0; end++) {
                    String c = code(lines.get(end));
                    String[] words = words(c);
                    if (inner == 1 && words.length > 1 && words[0].equals("import") && strip(words[1]).equals(snippetPath)) {
                        included = true;
                    }
                    inner += count(c, '{') - count(c, '}');
                }
                if (included) {
                    return Optional.empty();
                }
                lines.add(i + 1, indent(lines.get(i)) + "\timport " + snippetPath);
                return Optional.of(join(lines));
            }
            depth += count(code, '{') - count(code, '}');
        }
        throw new NoSiteBlock();
    }

    private static boolean namesSite(String line, String host) {
        String addresses = line.substring(0, line.lastIndexOf('{'));
        for (String address : addresses.split("[\\s,]+")) {
            String a = address.toLowerCase(Locale.ROOT).replaceFirst("^https://", "");
            if (a.equals(host) || a.startsWith(host + ":")) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> haproxy(String config, String snippetText) throws NoSiteBlock {
        List<String> block = new ArrayList<>();
        block.add("    " + BEGIN);
        for (String line : lines(snippetText)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                block.add(line);
            }
        }
        block.add("    " + END);
        List<String> lines = lines(config);
        int begin = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(BEGIN)) {
                begin = i;
            } else if (begin >= 0 && lines.get(i).strip().equals(END)) {
                if (lines.subList(begin, i + 1).equals(block)) {
                    return Optional.empty();
                }
                List<String> edited = new ArrayList<>(lines.subList(0, begin));
                edited.addAll(block);
                edited.addAll(lines.subList(i + 1, lines.size()));
                return Optional.of(join(edited));
            }
        }
        int frontend = -1;
        int lastBind = -1;
        for (int i = 0; i < lines.size(); i++) {
            String[] words = words(code(lines.get(i)));
            if (words.length == 0) {
                continue;
            }
            boolean section = !Character.isWhitespace(lines.get(i).charAt(0));
            if (section) {
                if (frontend >= 0 && lastBind >= 0) {
                    break;
                }
                frontend = words[0].equals("frontend") || words[0].equals("listen") ? i : -1;
                lastBind = -1;
            } else if (frontend >= 0 && words[0].equals("bind") && contains(words, "ssl")) {
                lastBind = i;
            }
        }
        if (frontend < 0 || lastBind < 0) {
            throw new NoSiteBlock();
        }
        lines.addAll(lastBind + 1, block);
        return Optional.of(join(lines));
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    /** The line without its comment (a # outside quotes). */
    private static String code(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String[] words(String code) {
        String s = code.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private static boolean contains(String[] words, String wanted) {
        for (int i = 1; i < words.length; i++) {
            if (strip(words[i]).equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String word) {
        String w = word.endsWith(";") ? word.substring(0, word.length() - 1) : word;
        return w.length() > 1 && w.startsWith("\"") && w.endsWith("\"") ? w.substring(1, w.length() - 1) : w;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(0, i);
    }
}
