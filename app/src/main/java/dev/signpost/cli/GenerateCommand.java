package dev.signpost.cli;

import dev.signpost.core.io.AtomicFiles;
import dev.signpost.core.generate.ConfigGenerator;
import dev.signpost.core.generate.GeneratedFile;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.InvalidPlanException;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code signpost generate}: builds a plan from options, validates it, and writes (or prints) the well-known
 * files and the web-server and homeserver config. Bad input exits with status 2 and writes nothing.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = SignpostCommand.VersionProvider.class)
public final class GenerateCommand implements Callable<Integer> {

    /** Exit status when a file could not be written. */
    public static final int EXIT_IO = 1;

    private static final String BUNDLE = "dev.signpost.cli.generate";

    @Spec
    private CommandSpec spec;

    @Mixin
    private PlanOptions planOptions;

    @Option(names = "--out", paramLabel = "DIR")
    private Path out;

    @Option(names = "--force")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Locale locale = Locale.getDefault();
        Texts texts = new Texts(BUNDLE, locale);
        List<String> usageErrors = new ArrayList<>();
        DelegationPlan plan = planOptions.build(texts, usageErrors);
        if (!usageErrors.isEmpty()) {
            usageErrors.forEach(e -> stderr.println(texts.get("error", e)));
            return SignpostCommand.EXIT_USAGE;
        }
        List<GeneratedFile> files;
        try {
            files = new ConfigGenerator(locale).generate(plan);
        } catch (InvalidPlanException e) {
            for (PlanProblem problem : e.problems()) {
                stderr.println(texts.get(problem.isError() ? "error" : "warning", problem.message()));
            }
            return SignpostCommand.EXIT_USAGE;
        }
        for (PlanProblem problem : PlanValidator.validate(plan, locale)) {
            stderr.println(texts.get("warning", problem.message()));
        }
        if (out == null) {
            for (GeneratedFile file : files) {
                stdout.println(texts.get("print.header", file.path()));
                stdout.println(texts.get("print.purpose", file.purpose()));
                stdout.print(file.content());
                stdout.println();
            }
            stdout.flush();
            return 0;
        }
        return write(files, texts, stdout, stderr);
    }

    private int write(List<GeneratedFile> files, Texts texts, PrintWriter stdout, PrintWriter stderr) {
        Path root = out.toAbsolutePath().normalize();
        Map<GeneratedFile, Path> targets = new LinkedHashMap<>();
        List<Path> existing = new ArrayList<>();
        for (GeneratedFile file : files) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalStateException("A generated path escapes the output directory: " + file.path());
            }
            targets.put(file, target);
            if (Files.exists(target)) {
                existing.add(target);
            }
        }
        if (!existing.isEmpty() && !force) {
            existing.forEach(p -> stderr.println(texts.get("error", texts.get("exists", p))));
            stderr.println(texts.get("existsHint"));
            return SignpostCommand.EXIT_USAGE;
        }
        for (Map.Entry<GeneratedFile, Path> entry : targets.entrySet()) {
            try {
                AtomicFiles.writeString(entry.getValue(), entry.getKey().content());
            } catch (IOException e) {
                stderr.println(texts.get("error", texts.get("writeFailed", entry.getValue(), e.getMessage())));
                return EXIT_IO;
            }
        }
        stdout.println(texts.get("wrote", files.size(), root));
        for (GeneratedFile file : files) {
            stdout.println("  " + file.path());
            stdout.println("      " + file.purpose());
        }
        stdout.flush();
        return 0;
    }

}
