package dev.signpost.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, option and parameter is described in English and in German, from the help bundle: a German
 * description equal to the English one means its key is missing from {@code help_de.properties} (the lookup fell
 * back to English), and an empty one means a key is missing altogether (annotations carry no descriptions).
 */
class HelpTextTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyOptionAndParameterOfEveryCommandIsDescribedInBothLanguages() {
        Map<String, String> english = descriptions(Locale.ROOT);
        Map<String, String> german = descriptions(Locale.GERMAN);

        assertThat(english.keySet()).as("the same commands and options in both languages")
                .containsExactlyElementsOf(german.keySet());
        assertThat(english.size()).as("commands, options and parameters found").isGreaterThan(60);
        List<String> problems = new ArrayList<>();
        english.forEach((what, text) -> {
            if (text.isBlank()) {
                problems.add(what + ": no English description");
            } else if (german.get(what).isBlank() || german.get(what).equals(text)) {
                problems.add(what + ": no German description");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void helpHeadingsFollowTheLanguage() {
        assertThat(help(Locale.GERMAN, "check")).startsWith("Aufruf: signpost check").contains("Optionen:")
                .contains("Der Servername");
        assertThat(help(Locale.ROOT, "check")).startsWith("Usage: signpost check").contains("Options:")
                .contains("The server name");
    }

    @Test
    void defaultValuesAreFilledIn() {
        assertThat(help(Locale.ROOT, "deploy")).contains("Backups to keep beside each file (default: 5)");
    }

    private static CommandLine commandLine(Locale locale) {
        CommandLine cli = new CommandLine(new SignpostCommand());
        cli.setResourceBundle(ResourceBundle.getBundle(SignpostCommand.HELP_BUNDLE, locale, NO_FALLBACK));
        return cli;
    }

    private static String help(Locale locale, String command) {
        StringWriter text = new StringWriter();
        CommandLine cli = commandLine(locale).getSubcommands().get(command);
        cli.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString();
    }

    /** "signpost check --dns" → its description, for every command, option and positional parameter. */
    private static Map<String, String> descriptions(Locale locale) {
        Map<String, String> all = new LinkedHashMap<>();
        collect(commandLine(locale).getCommandSpec(), all);
        return all;
    }

    private static void collect(CommandSpec command, Map<String, String> into) {
        String name = command.qualifiedName();
        String header = String.join(" ", command.usageMessage().header());
        into.put(name, String.join(" ", command.usageMessage().description()) + header);
        for (ArgSpec arg : command.args()) {
            String label = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
            into.put(name + " " + label, String.join(" ", arg.description()));
        }
        command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), into));
    }
}
