package dev.signpost.ui.steps;

/**
 * One generated file as the wizard shows it.
 *
 * @param path    where it belongs, relative to the folder it is saved in (e.g. {@code .well-known/matrix/server})
 * @param purpose one sentence saying what it is for
 * @param content the file's text
 */
public record PlannedFile(String path, String purpose, String content) {
}
