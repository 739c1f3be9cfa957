package dev.signpost.ui.steps;

import dev.signpost.core.model.Report;

/**
 * One way to export a report from the done page, backed by the core's report exporters.
 *
 * @param extension file name extension without the dot, e.g. {@code json}
 * @param renderer  turns the report into the file's text
 */
public record ReportFormat(String extension, Renderer renderer) {

    /** Renders a report as text. */
    @FunctionalInterface
    public interface Renderer {
        String render(Report report) throws Exception;
    }
}
