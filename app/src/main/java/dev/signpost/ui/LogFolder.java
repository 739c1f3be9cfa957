package dev.signpost.ui;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens the support log's folder in the desktop's file manager, so a user asked for the log can attach it without
 * knowing where the platform keeps per-user state. Runs on a worker: starting a file manager may take a while.
 */
final class LogFolder {

    /** Opens a folder in a file manager. */
    @FunctionalInterface
    interface Opener {
        /** Opens {@code folder}; false when there is no file manager to open it with. */
        boolean open(Path folder) throws IOException, InterruptedException;
    }

    /** How long {@code xdg-open} may take to hand the folder over to the file manager. */
    private static final long XDG_OPEN_SECONDS = 15;

    private LogFolder() {
    }

    /** Creates the folder when the log has not been written yet, then opens it with {@code opener}. */
    static boolean open(Path folder, Opener opener) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        return opener.open(folder);
    }

    /**
     * The desktop's way: {@code xdg-open} on Linux and other Unix desktops (the freedesktop.org standard, and no
     * AWT started beside JavaFX), the AWT desktop on Windows and macOS.
     */
    static Opener desktop() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return LogFolder::openWithAwt;
        }
        return LogFolder::openWithXdg;
    }

    private static boolean openWithAwt(Path folder) throws IOException {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            return false;
        }
        Desktop.getDesktop().open(folder.toFile());
        return true;
    }

    private static boolean openWithXdg(Path folder) throws IOException, InterruptedException {
        if (!onPath("xdg-open")) {
            return false;
        }
        Process process = new ProcessBuilder("xdg-open", folder.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(XDG_OPEN_SECONDS, TimeUnit.SECONDS)) {
            // Some file managers keep xdg-open's process while their window is open: the folder is showing.
            return true;
        }
        return process.exitValue() == 0;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
