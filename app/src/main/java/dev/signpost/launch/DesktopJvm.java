package dev.signpost.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Runs the wizard in a JVM made for a desktop app when Signpost was started as {@code java -jar signpost.jar}.
 *
 * <p>{@code java -jar} cannot carry JVM options, and the runtime's defaults are a server's: a parallel collector
 * sized for the machine (G1 with a heap of a quarter of the memory), two compilers, no class-data archive for the
 * application. So this JVM starts a second one with {@link #options() the desktop options} (the installed app's
 * launcher has the same), a class-data archive of the wizard ({@link ClassArchive}) and the user's own options,
 * waits for it, and ends with its exit status. Both see the same terminal; SIGTERM or SIGINT to this JVM ends the
 * second one first, and the second one ends when this one disappears ({@link #watchLauncher()}).
 *
 * <p>The wizard stays in this JVM when the runtime cannot be started again (no executable known), when the user
 * gave a debugger, an agent or class-data options, when {@value #SAME_JVM} is set, and for everything but the
 * wizard (the command line runs where it was started).
 */
public final class DesktopJvm {

    /** Set (to any value) in the environment, keeps the wizard in the JVM that was started. */
    public static final String SAME_JVM = "SIGNPOST_SAME_JVM";

    /** Set in the second JVM to the launching JVM's process id. */
    static final String LAUNCHER_PID = "signpost.launcherPid";

    /** glibc's per-thread allocation arenas: two are enough for a wizard and keep tens of MB from being reserved. */
    private static final String MALLOC_ARENAS = "MALLOC_ARENA_MAX";

    private DesktopJvm() {
    }

    /**
     * Runs the wizard in a second JVM and returns its exit status, or empty when the wizard should run in this JVM
     * (see the class comment, and without a graphical session: this JVM says so). Called only for the wizard.
     */
    public static OptionalInt runWizard(Map<String, String> environment) {
        if (isSecondJvm() || environment.containsKey(SAME_JVM)
                || !GraphicalSession.present(environment, System.getProperty("os.name", ""),
                System.getProperty("glass.platform"))) {
            return OptionalInt.empty();
        }
        Optional<JarCommandLine> commandLine = ownCommandLine();
        if (commandLine.isEmpty()) {
            return OptionalInt.empty();
        }
        long pid = ProcessHandle.current().pid();
        ClassArchive archive = archive(commandLine.get(), environment);
        List<String> command = command(commandLine.get(), archive == null ? List.of() : archive.options(pid), pid);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putIfAbsent(MALLOC_ARENAS, "2");
        Process wizard;
        try {
            wizard = builder.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        WizardProcess run = new WizardProcess(wizard, archive, pid);
        Runtime.getRuntime().addShutdownHook(run);
        int status = waitFor(wizard);
        run.finish();
        return OptionalInt.of(status);
    }

    /** True in the JVM {@link #runWizard} started. */
    public static boolean isSecondJvm() {
        return System.getProperty(LAUNCHER_PID) != null;
    }

    /**
     * In the second JVM: ends it when the launching JVM is gone (killed with SIGKILL, which no hook sees), so no
     * window outlives the process a user or a script started.
     */
    public static void watchLauncher() {
        String launcher = System.getProperty(LAUNCHER_PID);
        if (launcher == null) {
            return;
        }
        try {
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(launcher));
            if (handle.isEmpty()) {
                System.exit(1);
            }
            handle.get().onExit().thenRun(() -> System.exit(1));
        } catch (NumberFormatException e) {
            // Not started by runWizard: nothing to watch.
        }
    }

    /** The desktop JVM options, from the build (the root pom's {@code desktop.jvmOptions}). */
    static List<String> options() {
        try (InputStream in = DesktopJvm.class.getResourceAsStream("desktop-jvm.properties")) {
            if (in == null) {
                return List.of();
            }
            Properties properties = new Properties();
            properties.load(in);
            String options = properties.getProperty("options", "").strip();
            return options.isEmpty() || options.startsWith("${") ? List.of() : List.of(options.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The second JVM's command: desktop options, then the archive's, then the user's (the last of a kind wins). */
    static List<String> command(JarCommandLine commandLine, List<String> archiveOptions, long launcherPid) {
        List<String> command = new ArrayList<>();
        command.add(commandLine.java().toString());
        // The jar runs on whatever Java 17 or later the user has; an option an older update does not know (such as
        // TrimNativeHeapInterval before 17.0.9) must not keep the wizard from starting. The user's own options were
        // already accepted by the launching JVM.
        command.add("-XX:+IgnoreUnrecognizedVMOptions");
        command.addAll(options());
        command.addAll(archiveOptions);
        command.add("-D".concat(LAUNCHER_PID).concat("=").concat(Long.toString(launcherPid)));
        command.addAll(commandLine.jvmOptions());
        command.add("-jar");
        command.add(commandLine.jar().toString());
        return command;
    }

    private static Optional<JarCommandLine> ownCommandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String[]> arguments = info.arguments();
        Path jar = ownJar();
        if (info.command().isEmpty() || arguments.isEmpty() || jar == null) {
            return Optional.empty();
        }
        return JarCommandLine.parse(info.command().get(), Arrays.asList(arguments.get()), jar);
    }

    private static Path ownJar() {
        try {
            CodeSource source = DesktopJvm.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static ClassArchive archive(JarCommandLine commandLine, Map<String, String> environment) {
        try {
            Path directory = ClassArchive.directoryFor(environment, System.getProperty("os.name", ""),
                    System.getProperty("user.home", "."));
            return ClassArchive.of(directory, commandLine.jar(), System.getProperty("java.home", ""),
                    System.getProperty("java.vm.version", ""), commandLine.jvmOptions());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int waitFor(Process wizard) {
        while (true) {
            try {
                return wizard.waitFor();
            } catch (InterruptedException e) {
                // Only the shutdown hook ends the wizard; keep waiting for its status.
            }
        }
    }
}
