package dev.signpost.ui.settings;

import dev.signpost.core.plan.DelegationPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the wizard remembers between runs. Never secrets: SSH passwords and passphrases stay in memory.
 *
 * @param windowWidth   last window width, or 0 for the default
 * @param windowHeight  last window height, or 0 for the default
 * @param theme         the theme chosen with the toggle, or {@link ThemeChoice#SYSTEM}
 * @param lastPlan      the plan of the last setup, or null
 * @param recentDomains server names checked or set up recently, newest first
 * @param network       the advanced network settings the checks use (DNS server, extra CAs, resolve overrides)
 * @param textPercent   the text size chosen in the header in per cent of the normal size, or
 *                      {@link #FOLLOW_DESKTOP} to take the desktop's text scaling
 */
public record Settings(double windowWidth, double windowHeight, ThemeChoice theme, DelegationPlan lastPlan,
                       List<String> recentDomains, NetworkSettings network, int textPercent) {

    /** {@link #textPercent()} when the desktop's text scaling applies. */
    public static final int FOLLOW_DESKTOP = 0;

    /** How many recent domains are kept. */
    public static final int MAX_RECENT = 8;

    /** The theme the user picked. */
    public enum ThemeChoice {
        SYSTEM,
        LIGHT,
        DARK
    }

    public Settings {
        theme = theme == null ? ThemeChoice.SYSTEM : theme;
        recentDomains = recentDomains == null ? List.of() : List.copyOf(recentDomains);
        network = network == null ? NetworkSettings.none() : network;
        textPercent = Math.max(FOLLOW_DESKTOP, textPercent);
    }

    /** Nothing remembered yet. */
    public static Settings defaults() {
        return new Settings(0, 0, ThemeChoice.SYSTEM, null, List.of(), NetworkSettings.none(), FOLLOW_DESKTOP);
    }

    public Settings withWindowSize(double width, double height) {
        return new Settings(width, height, theme, lastPlan, recentDomains, network, textPercent);
    }

    public Settings withTheme(ThemeChoice choice) {
        return new Settings(windowWidth, windowHeight, choice, lastPlan, recentDomains, network, textPercent);
    }

    public Settings withLastPlan(DelegationPlan plan) {
        return new Settings(windowWidth, windowHeight, theme, plan, recentDomains, network, textPercent);
    }

    /** Moves {@code domain} to the front of the recent list (case-insensitively unique), keeping at most {@link #MAX_RECENT}. */
    public Settings withRecentDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return this;
        }
        String trimmed = domain.strip();
        List<String> recent = new ArrayList<>();
        recent.add(trimmed);
        for (String existing : recentDomains) {
            if (!existing.toLowerCase(Locale.ROOT).equals(trimmed.toLowerCase(Locale.ROOT)) && recent.size() < MAX_RECENT) {
                recent.add(existing);
            }
        }
        return new Settings(windowWidth, windowHeight, theme, lastPlan, recent, network, textPercent);
    }

    public Settings withNetwork(NetworkSettings value) {
        return new Settings(windowWidth, windowHeight, theme, lastPlan, recentDomains, value, textPercent);
    }

    public Settings withTextPercent(int percent) {
        return new Settings(windowWidth, windowHeight, theme, lastPlan, recentDomains, network, percent);
    }
}
