package dev.signpost.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code signpost deploy}: being built; see the README for the options it will take. */
@Command(name = "deploy", description = "Not available in this build yet.")
public final class DeployCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("signpost deploy: not available in this build yet.");
        return SignpostCommand.EXIT_USAGE;
    }
}
