package dev.signpost.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * This process's own command line when it was started as {@code java [options] -jar signpost.jar}: the Java
 * executable and the options the user gave, which the second JVM gets too (a {@code -Duser.language=de} or
 * {@code -Xmx} the user chose still applies).
 *
 * <p>Options that cannot be given to two JVMs at once, or that the user set for class-data sharing on purpose,
 * keep the wizard in this JVM: a debugger or agent would try to bind the same port or attach twice.
 */
record JarCommandLine(Path java, List<String> jvmOptions, Path jar) {

    private static final List<String> KEEP_IN_THIS_JVM = List.of("-agentlib", "-agentpath", "-javaagent", "-Xshare",
            "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:SharedClassListFile", "-XX:DumpLoadedClassList",
            "-XX:+AutoCreateSharedArchive", "-Xdebug", "-Xrun");

    /**
     * Reads {@code command} (the executable) and {@code arguments} (everything after it, as the operating system
     * reports them); empty unless they are {@code [options] -jar ownJar} with options that a second JVM may repeat.
     */
    static Optional<JarCommandLine> parse(String command, List<String> arguments, Path ownJar) {
        if (command == null || command.isBlank() || ownJar == null) {
            return Optional.empty();
        }
        int jarFlag = arguments.indexOf("-jar");
        if (jarFlag < 0 || jarFlag + 1 >= arguments.size()) {
            return Optional.empty();
        }
        Path jar = Path.of(arguments.get(jarFlag + 1)).toAbsolutePath().normalize();
        if (!jar.equals(ownJar.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        List<String> options = new ArrayList<>(arguments.subList(0, jarFlag));
        for (String option : options) {
            if (blocksSecondJvm(option)) {
                return Optional.empty();
            }
        }
        return Optional.of(new JarCommandLine(Path.of(command), List.copyOf(options), jar));
    }

    private static boolean blocksSecondJvm(String option) {
        String lower = option.toLowerCase(Locale.ROOT);
        for (String prefix : KEEP_IN_THIS_JVM) {
            if (lower.startsWith(prefix.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
