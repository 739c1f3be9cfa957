package dev.signpost.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The manual page {@code signpost(1)} in troff ({@code man} macros), written from the picocli model and the English
 * help bundle, so the page lists exactly the commands and options the program accepts, in the words of
 * {@code --help}. Made at build time by {@link CommandLineDocs}.
 */
final class ManPage {

    private ManPage() {
    }

    /** The page for {@code root} (the {@code signpost} command) at {@code version}. */
    static String write(CommandLine root, String version) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder page = new StringBuilder();
        page.append(".TH SIGNPOST 1 \"\" \"signpost ").append(escape(version)).append("\" \"User Commands\"\n");
        page.append(".SH NAME\n");
        page.append("signpost \\- ").append(escape(lowerFirst(stripPeriod(first(spec.usageMessage().description())))))
                .append('\n');
        page.append(".SH SYNOPSIS\n");
        page.append(".B signpost\n[\\fIOPTION\\fR]\n.br\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            page.append(".B signpost ").append(escape(sub.getCommandName())).append("\n[\\fIOPTION\\fR]...")
                    .append(arguments(sub.getCommandSpec())).append("\n.br\n");
        }
        page.append(".SH DESCRIPTION\n");
        paragraphs(page, spec.usageMessage().description());
        page.append(".SH OPTIONS\n");
        options(page, spec.options());
        page.append(".SH COMMANDS\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec command = sub.getCommandSpec();
            page.append(".SS \"signpost ").append(escape(sub.getCommandName())).append("\"\n");
            paragraphs(page, command.usageMessage().description().length > 0 ? command.usageMessage().description()
                    : command.usageMessage().header());
            for (PositionalParamSpec parameter : command.positionalParameters()) {
                page.append(".TP\n.I ").append(escape(parameter.paramLabel())).append('\n')
                        .append(escape(description(parameter))).append('\n');
            }
            options(page, command.options());
        }
        page.append(".SH ENVIRONMENT\n");
        page.append(".TP\n.B LC_ALL\\fR, \\fBLC_MESSAGES\\fR, \\fBLANG\n")
                .append("The language of all text (English or German), in this order of precedence.\n");
        page.append(".TP\n.B NO_COLOR\nWhen set, reports on a terminal are printed without colour.\n");
        page.append(".SH EXIT STATUS\n");
        page.append(".TP\n.B 0\nSuccess: no check failed, the reports are the same, or the files were written.\n");
        page.append(".TP\n.B 1\nA check failed, the reports differ, or a file could not be written or uploaded.\n");
        page.append(".TP\n.B 2\nBad usage or input; nothing was done.\n");
        page.append(".SH SEE ALSO\n.BR ssh (1),\n.BR ssh_config (5)\n");
        return page.toString();
    }

    private static String arguments(CommandSpec command) {
        StringBuilder text = new StringBuilder();
        for (PositionalParamSpec parameter : command.positionalParameters()) {
            text.append(" \\fI").append(escape(parameter.paramLabel())).append("\\fR");
        }
        return text.toString();
    }

    private static void options(StringBuilder page, List<OptionSpec> options) {
        for (OptionSpec option : options) {
            if (option.hidden()) {
                continue;
            }
            page.append(".TP\n");
            String[] names = option.names();
            for (int i = 0; i < names.length; i++) {
                page.append(i == 0 ? "" : ", ").append("\\fB").append(escape(names[i])).append("\\fR");
            }
            if (option.arity().max() > 0) {
                page.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
            }
            page.append('\n').append(escape(description(option))).append('\n');
        }
    }

    private static void paragraphs(StringBuilder page, String[] lines) {
        for (String line : lines) {
            page.append(".PP\n").append(escape(text(line))).append('\n');
        }
    }

    private static String description(ArgSpec arg) {
        String joined = text(String.join(" ", arg.description()));
        String defaultValue = arg.defaultValueString();
        return joined.replace("${DEFAULT-VALUE}", defaultValue == null ? "" : defaultValue);
    }

    /** The help's String.format conventions made plain: %n is a line break, %% a percent sign. */
    private static String text(String line) {
        return line.replace("%n", " ").replace("%%", "%").strip();
    }

    /** troff-safe text: backslashes doubled as \e, hyphens literal, no control line by accident. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        if (escaped.startsWith(".") || escaped.startsWith("'")) {
            escaped = "\\&" + escaped;
        }
        return escaped.replace("\n.", "\n\\&.").replace("\n'", "\n\\&'");
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : text(lines[0]);
    }

    private static String stripPeriod(String sentence) {
        int end = sentence.indexOf(". ");
        String first = end >= 0 ? sentence.substring(0, end) : sentence;
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** The command line with its English help, whatever the build machine's language. */
    static CommandLine english() {
        CommandLine cli = new CommandLine(new SignpostCommand());
        cli.setResourceBundle(ResourceBundle.getBundle(SignpostCommand.HELP_BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        return cli;
    }
}
