package dev.signpost.core.deploy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "b", "same\n", "same\n")).isEmpty();
    }

    @Test
    void matchesGnuDiffOnTypicalEdits(@TempDir Path dir) throws Exception {
        Path diff = Path.of("/usr/bin/diff");
        Assumptions.assumeTrue(Files.isExecutable(diff), "GNU diff is not installed: comparison skipped");
        String ten = lines(1, 10);
        String[][] cases = {
                {"{\n  \"m.server\": \"old:8448\"\n}\n", "{\n  \"m.server\": \"new:443\"\n}\n"},
                {"", "{\n}\n"},
                {ten, ten.replace("5\n", "five\n")},
                {lines(1, 30), lines(1, 30).replace("3\n", "three\n").replace("25\n", "")},
                {"a\nb\nc", "a\nb\nc\n"},
                {"x\n", "y"},
                {ten, lines(1, 12)},
                {ten, lines(4, 10)},
        };
        for (String[] c : cases) {
            Path a = Files.writeString(dir.resolve("a"), c[0]);
            Path b = Files.writeString(dir.resolve("b"), c[1]);
            Process p = new ProcessBuilder(diff.toString(), "-u", "--label", "old", "--label", "new", a.toString(),
                    b.toString()).redirectErrorStream(true).start();
            String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(UnifiedDiff.diff("old", "new", c[0], c[1])).as("%s -> %s", c[0], c[1]).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void applyingTheDiffGivesTheNewText(@ForAll("texts") String oldText, @ForAll("texts") String newText) {
        String diff = UnifiedDiff.diff("old", "new", oldText, newText);
        assertThat(apply(oldText, diff)).isEqualTo(newText);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "b", "c", "{", "}", "")
                .list().ofMaxSize(12)
                .map(ls -> String.join("\n", ls) + (ls.size() % 2 == 0 ? "\n" : ""));
    }

    private static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    /** A minimal patch: enough to prove the hunks describe the change exactly. */
    private static String apply(String oldText, String diff) {
        if (diff.isEmpty()) {
            return oldText;
        }
        List<String> old = UnifiedDiff.lines(oldText);
        List<String> result = new ArrayList<>();
        String[] rows = diff.split("\n", -1);
        int pos = 0;
        for (int i = 2; i < rows.length; i++) {
            String row = rows[i];
            if (row.startsWith("@@")) {
                String range = row.split(" ")[1].substring(1);
                int start = Integer.parseInt(range.split(",")[0]);
                int count = range.contains(",") ? Integer.parseInt(range.split(",")[1]) : 1;
                int target = count == 0 ? start : start - 1;
                while (pos < target) {
                    result.add(old.get(pos++));
                }
            } else if (row.startsWith(" ") || row.startsWith("-") || row.startsWith("+")) {
                boolean noNewline = i + 1 < rows.length && rows[i + 1].startsWith("\\");
                String line = row.substring(1) + (noNewline ? "" : "\n");
                if (row.charAt(0) != '+') {
                    assertThat(old.get(pos)).isEqualTo(line);
                    pos++;
                }
                if (row.charAt(0) != '-') {
                    result.add(line);
                }
            }
        }
        while (pos < old.size()) {
            result.add(old.get(pos++));
        }
        return String.join("", result);
    }
}
