package dev.signpost.core.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff, as {@code diff -u} prints it, for showing what an upload changes. Well-known files
 * are a few hundred bytes, so a plain longest-common-subsequence table is quick and keeps the code obvious (no
 * library needed); for unusually large inputs it falls back to one hunk replacing everything.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_TABLE_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    /**
     * The diff from {@code oldText} to {@code newText}, with {@code ---}/{@code +++} headers naming the files;
     * the empty string when they are equal.
     */
    public static String diff(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> edits = editScript(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk over changes separated by at most 2 × CONTEXT unchanged lines.
            while (true) {
                while (end < edits.size() && edits.get(end).op != ' ') {
                    end++;
                }
                int next = end;
                while (next < edits.size() && edits.get(next).op == ' ') {
                    next++;
                }
                if (next < edits.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(edits.size(), end + CONTEXT);
                    break;
                }
            }
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        Edit first = hunk.get(0);
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op != '+') {
                oldCount++;
            }
            if (e.op != '-') {
                newCount++;
            }
        }
        out.append("@@ -").append(range(first.oldIndex, oldCount))
                .append(" +").append(range(first.newIndex, newCount)).append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.op);
            if (e.line.endsWith("\n")) {
                out.append(e.line);
            } else {
                out.append(e.line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int index, int count) {
        int start = count == 0 ? index : index + 1;
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    /** Lines with their terminators, so a missing final newline counts as a difference. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(from, to));
            from = to;
        }
        return lines;
    }

    private record Edit(char op, String line, int oldIndex, int newIndex) {
    }

    private static List<Edit> editScript(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Edit> edits = new ArrayList<>();
        if ((long) n * m > MAX_TABLE_CELLS) {
            for (int i = 0; i < n; i++) {
                edits.add(new Edit('-', a.get(i), i, 0));
            }
            for (int j = 0; j < m; j++) {
                edits.add(new Edit('+', b.get(j), n, j));
            }
            return edits;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i, j));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                edits.add(new Edit('+', b.get(j), i, j));
                j++;
            } else {
                edits.add(new Edit('-', a.get(i), i, j));
                i++;
            }
        }
        return edits;
    }
}
