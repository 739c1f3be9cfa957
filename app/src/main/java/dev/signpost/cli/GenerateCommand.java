package dev.signpost.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code signpost generate}: being built; see the README for the options it will take. */
@Command(name = "generate", description = "Not available in this build yet.")
public final class GenerateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("signpost generate: not available in this build yet.");
        return SignpostCommand.EXIT_USAGE;
    }
}
