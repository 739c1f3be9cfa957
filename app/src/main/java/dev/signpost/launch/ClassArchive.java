package dev.signpost.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The wizard's class-data archive for one jar on one Java runtime: the classes its start-up loads, kept mapped and
 * already verified, which cuts the JVM's start-up work by about a third.
 *
 * <p>The first start has no archive: its JVM writes one when it exits ({@code -XX:ArchiveClassesAtExit}) under a
 * name of its own, and the launching JVM moves it into place only after an orderly exit and with the archive's
 * magic number at its start, so a half-written file never becomes the archive. Later starts map it
 * ({@code -XX:SharedArchiveFile}). The name holds a checksum of the jar (path, size, time), the runtime and the options,
 * so a new jar or Java gets a new archive; the runtime itself ignores an archive that does not match (with
 * {@code -Xshare:auto}), and its messages about that are switched off.
 */
final class ClassArchive {

    /** JDK 17's magic number of a dynamic archive (CDS_DYNAMIC_ARCHIVE_MAGIC), at the start of the file. */
    static final int DYNAMIC_MAGIC = 0xf00baba8;

    /** Archives kept for other jars or runtimes (the user may run two versions side by side). */
    static final int KEEP = 3;

    private static final String SUFFIX = ".jsa";
    private static final String PARTIAL = ".partial-";

    private final Path directory;
    private final String name;

    private ClassArchive(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /**
     * The archive for {@code jar}, run by the runtime {@code javaHome} ({@code vmVersion}) with {@code options},
     * kept in {@code directory}.
     */
    static ClassArchive of(Path directory, Path jar, String javaHome, String vmVersion, List<String> options)
            throws IOException {
        String identity = String.join("\n", jar.toAbsolutePath().normalize().toString(),
                Long.toString(Files.size(jar)), Long.toString(Files.getLastModifiedTime(jar).toMillis()), javaHome,
                vmVersion, String.join(" ", options));
        return new ClassArchive(directory, "signpost-".concat(digest(identity)).concat(SUFFIX));
    }

    /**
     * {@code $XDG_CACHE_HOME/signpost/cds} or {@code ~/.cache/signpost/cds} on Linux and other Unix systems,
     * {@code ~/Library/Caches/Signpost/cds} on macOS, {@code %LOCALAPPDATA%\Signpost\Cache\cds} on Windows.
     */
    static Path directoryFor(Map<String, String> environment, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("Signpost").resolve("Cache").resolve("cds");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Caches", "Signpost", "cds");
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "signpost", "cds");
        }
        return Path.of(userHome, ".cache", "signpost", "cds");
    }

    Path file() {
        return directory.resolve(name);
    }

    /** Where the run of process {@code launcherPid} writes a new archive. */
    Path partialFile(long launcherPid) {
        return directory.resolve(name.concat(PARTIAL).concat(Long.toString(launcherPid)));
    }

    /**
     * The options for the next JVM: map the archive when there is one, else write one at exit; none when the
     * directory cannot be made (a read-only home): the wizard then starts without.
     */
    List<String> options(long launcherPid) {
        List<String> options = new ArrayList<>(List.of("-Xshare:auto", "-Xlog:cds*=off"));
        if (Files.isRegularFile(file())) {
            options.add("-XX:SharedArchiveFile=".concat(file().toString()));
            return options;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            return List.of();
        }
        options.add("-XX:ArchiveClassesAtExit=".concat(partialFile(launcherPid).toString()));
        return options;
    }

    /**
     * After the JVM of {@code launcherPid}'s run ended with {@code exitStatus}: keeps what it wrote when the exit was
     * orderly (a status of its own, or the runtime's own shutdown on SIGHUP, SIGINT or SIGTERM) and the file starts
     * like an archive; deletes it otherwise. Then removes other runs' leftovers and all but the newest archives.
     */
    void afterRun(long launcherPid, int exitStatus) {
        Path partial = partialFile(launcherPid);
        try {
            if (Files.isRegularFile(partial)) {
                if (orderly(exitStatus) && startsLikeAnArchive(partial)) {
                    move(partial, file());
                } else {
                    Files.deleteIfExists(partial);
                }
            }
            sweep(launcherPid);
        } catch (IOException e) {
            // A cache: the next start writes a new one.
        }
    }

    static boolean orderly(int exitStatus) {
        return exitStatus >= 0 && exitStatus < 128 || exitStatus == 129 || exitStatus == 130 || exitStatus == 143;
    }

    static boolean startsLikeAnArchive(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getInt() == DYNAMIC_MAGIC;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Partial files of runs whose launcher is gone, and archives beyond the newest {@link #KEEP}. */
    private void sweep(long launcherPid) throws IOException {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "signpost-*")) {
            for (Path path : files) {
                String fileName = path.getFileName().toString();
                int partial = fileName.indexOf(PARTIAL);
                if (partial >= 0) {
                    long owner = parsePid(fileName.substring(partial + PARTIAL.length()));
                    if (owner != launcherPid && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    Files.deleteIfExists(path);
                } else if (fileName.endsWith(SUFFIX)) {
                    archives.add(path);
                }
            }
        }
        archives.sort(Comparator.comparing(ClassArchive::modified).reversed());
        for (Path old : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
            if (!old.equals(file())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long parsePid(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * A checksum, not a cryptographic digest: it only tells jars and runtimes apart, the runtime checks the archive
     * against the jar itself, and a message digest's provider start-up would cost the launching JVM tens of ms.
     * (For the same reason the start path of this package avoids string concatenation and lambdas: their first
     * use bootstraps method handles.)
     */
    private static String digest(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32C forward = new CRC32C();
        forward.update(bytes);
        CRC32 other = new CRC32();
        other.update(bytes);
        return Long.toHexString(forward.getValue() << 32 | other.getValue());
    }
}
