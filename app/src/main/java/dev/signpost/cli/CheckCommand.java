package dev.signpost.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code signpost check}: being built; see the README for the options it will take. */
@Command(name = "check", description = "Not available in this build yet.")
public final class CheckCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("signpost check: not available in this build yet.");
        return SignpostCommand.EXIT_USAGE;
    }
}
