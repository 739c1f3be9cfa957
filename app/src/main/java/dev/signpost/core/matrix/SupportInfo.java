package dev.signpost.core.matrix;

import java.util.List;

/**
 * The verdict on {@code /.well-known/matrix/support} (spec v1.10).
 *
 * @param problems    sentences for what makes the file invalid (empty when valid)
 * @param warnings    sentences for things that work but should be fixed
 * @param contacts    how many contacts are valid
 * @param supportPage {@code support_page} as served when it is a string, else null
 */
public record SupportInfo(List<String> problems, List<String> warnings, int contacts, String supportPage) {

    public SupportInfo {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** True when the file follows the spec. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
