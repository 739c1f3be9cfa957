package dev.signpost.installer;

import org.junit.jupiter.api.Assumptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop JVM options of the build (the root pom's {@code desktop.jvmOptions}, passed by installer/pom.xml),
 * and what a JVM started with them reports with {@code -XX:+PrintFlagsFinal}.
 */
final class DesktopOptions {

    /** One line of -XX:+PrintFlagsFinal: type, name, value, then the flag's kind and origin in braces. */
    private static final Pattern FINAL_FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S*)\\s+(\\{.*)$");
    private static final Pattern BOOLEAN_OPTION = Pattern.compile("-XX:([+-])(\\w+)");
    private static final Pattern VALUE_OPTION = Pattern.compile("-XX:(\\w+)=(\\S+)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmgt]?)", Pattern.CASE_INSENSITIVE);

    private DesktopOptions() {
    }

    /** The options, in the order the pom lists them. */
    static List<String> options() {
        String value = System.getProperty("installer.desktopJvmOptions");
        Assumptions.assumeTrue(value != null, "system property installer.desktopJvmOptions not set: run through Maven");
        List<String> options = List.of(value.strip().split("\\s+"));
        if (options.isEmpty() || options.get(0).isEmpty() || options.get(0).startsWith("${")) {
            throw new IllegalStateException("desktop.jvmOptions did not reach the test: '" + value + "'");
        }
        return options;
    }

    /**
     * The flag values, as -XX:+PrintFlagsFinal prints them, that the options set: {@code UseSerialGC=true},
     * {@code InitialHeapSize=33554432} for {@code -Xms32m}, and so on.
     */
    static Map<String, String> expectedFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String option : options()) {
            Matcher bool = BOOLEAN_OPTION.matcher(option);
            Matcher value = VALUE_OPTION.matcher(option);
            if (bool.matches()) {
                flags.put(bool.group(2), Boolean.toString(bool.group(1).equals("+")));
            } else if (value.matches()) {
                flags.put(value.group(1), numberOrText(value.group(2)));
            } else if (option.startsWith("-Xms")) {
                flags.put("InitialHeapSize", Long.toString(bytes(option.substring(4))));
            } else if (option.startsWith("-Xmx")) {
                flags.put("MaxHeapSize", Long.toString(bytes(option.substring(4))));
            } else if (option.startsWith("-Xss")) {
                flags.put("ThreadStackSize", Long.toString(bytes(option.substring(4)) / 1024));
            } else {
                throw new IllegalStateException("desktop option " + option
                        + " has no -XX flag to check it by; teach DesktopOptions.expectedFlags its flag");
            }
        }
        return flags;
    }

    /** Every flag of -XX:+PrintFlagsFinal output, name to value and origin ("{product} {command line}"). */
    static Map<String, FinalFlag> finalFlags(String printFlagsFinalOutput) {
        Map<String, FinalFlag> flags = new LinkedHashMap<>();
        for (String line : printFlagsFinalOutput.split("\\R")) {
            Matcher flag = FINAL_FLAG.matcher(line);
            if (flag.matches()) {
                flags.put(flag.group(1), new FinalFlag(flag.group(2), flag.group(3)));
            }
        }
        return flags;
    }

    /** Every desktop option took effect, from the launcher's command line, in a JVM that printed these flags. */
    static void assertSetByTheLauncher(Map<String, FinalFlag> flags) {
        assertThat(flags).as("flags printed by -XX:+PrintFlagsFinal").isNotEmpty();
        expectedFlags().forEach((name, value) -> {
            assertThat(flags).as("JVM flag %s", name).containsKey(name);
            assertThat(flags.get(name).value()).as("JVM flag %s", name).isEqualTo(value);
            assertThat(flags.get(name).fromCommandLine())
                    .as("JVM flag %s set by the launcher's options, origin %s", name, flags.get(name).origin())
                    .isTrue();
        });
    }

    record FinalFlag(String value, String origin) {

        boolean fromCommandLine() {
            return origin.contains("command line");
        }
    }

    private static String numberOrText(String value) {
        return SIZE.matcher(value).matches() ? Long.toString(bytes(value)) : value;
    }

    private static long bytes(String size) {
        Matcher matcher = SIZE.matcher(size);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a size: " + size);
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> number << 10;
            case "m" -> number << 20;
            case "g" -> number << 30;
            case "t" -> number << 40;
            default -> number;
        };
    }
}
