package dev.signpost.core.deploy;

import dev.signpost.core.plan.DelegationPlan;

import java.util.Objects;

/**
 * One installation of a plan's whole setup on a server: the web server's snippet and the line that takes it
 * in, the well-known files its config serves from disk, then the server's config test and reload.
 *
 * @param target        the SSH server
 * @param plan          the delegation plan (its web server decides what is installed)
 * @param distribution  whose package layout to assume, or null to read it from the server's
 *                      {@code /etc/os-release}
 * @param configPath    the config file that serves the server name, or null to search the layout's places
 * @param testCommand   the config test to run instead of the layout's, or null
 * @param reloadCommand the reload command to run instead of the layout's, or null
 * @param webRoot       where the well-known files go when the config serves them from disk (Apache), or null
 * @param sudo          when the config test and reload run through sudo
 * @param sudoProgram   the sudo program to run ({@code sudo} unless the server needs another)
 * @param keepBackups   how many backups to keep beside each file
 * @param dryRun        compare only: connect, read and diff, never write or run anything
 */
public record SetupRequest(SshTarget target, DelegationPlan plan, ServerLayout.Distribution distribution,
                           String configPath, String testCommand, String reloadCommand, String webRoot,
                           SudoMode sudo, String sudoProgram, int keepBackups, boolean dryRun) {

    /** When the commands run through sudo. */
    public enum SudoMode {
        /** When the login user is not root and the commands are the layout's own (a given command runs as given). */
        AUTO,
        ALWAYS,
        NEVER
    }

    public SetupRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(plan, "plan");
        sudo = sudo == null ? SudoMode.AUTO : sudo;
        sudoProgram = sudoProgram == null || sudoProgram.isBlank() ? "sudo" : sudoProgram.strip();
        keepBackups = keepBackups <= 0 ? DeployRequest.DEFAULT_KEEP_BACKUPS : keepBackups;
    }

    /** Whether commands go through sudo for {@code login}. */
    boolean sudoFor(String login) {
        return switch (sudo) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> !"root".equals(login) && blank(testCommand) && blank(reloadCommand);
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
