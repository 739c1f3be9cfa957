package dev.signpost.ui.steps;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.net.ResolveOverrides;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.settings.NetworkSettings;
import dev.signpost.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The advanced network settings (DNS server, extra CA files, resolve overrides, the comparison with public DNS) for checking a staging setup: typed
 * values, one sentence per mistake, and the engine they make. The engine is built in the background (it reads the
 * CA files); until it is ready, nothing may start a check, so a check never silently runs on the wrong network.
 */
public final class NetworkViewModel {

    /** Makes an engine for these settings; throws for CA files that cannot be read or parsed. */
    @FunctionalInterface
    public interface EngineFactory {
        Discovery create(NetworkSettings settings) throws IOException;
    }

    private final StringProperty dnsServer = new SimpleStringProperty("");
    private final StringProperty caFiles = new SimpleStringProperty("");
    private final StringProperty resolve = new SimpleStringProperty("");
    private final BooleanProperty comparePublicDns = new SimpleBooleanProperty(true);
    private final StringBinding typingError;
    private final StringProperty loadError = new SimpleStringProperty();
    private final BooleanProperty building = new SimpleBooleanProperty();
    private final StringBinding note;
    private final Texts texts;
    private final BackgroundTasks tasks;
    private final EngineFactory factory;
    private final Supplier<Discovery> systemEngine;
    private final Consumer<NetworkSettings> remember;
    private volatile Discovery engine;
    private final javafx.beans.property.ObjectProperty<NetworkSettings> applied =
            new javafx.beans.property.SimpleObjectProperty<>(NetworkSettings.none());
    private int generation;
    private NetworkSettings remembered;

    /**
     * @param factory      builds an engine for settings that differ from the system's network
     * @param systemEngine the engine for the system's network
     * @param remember     stores settings that were applied successfully
     */
    public NetworkViewModel(NetworkSettings initial, Texts texts, BackgroundTasks tasks, EngineFactory factory,
                            Supplier<Discovery> systemEngine, Consumer<NetworkSettings> remember) {
        this.texts = texts;
        this.tasks = tasks;
        this.factory = factory;
        this.systemEngine = systemEngine;
        this.remember = remember;
        remembered = initial;
        dnsServer.set(initial.dnsServer());
        caFiles.set(String.join("\n", initial.caFiles()));
        resolve.set(String.join("\n", initial.resolve()));
        comparePublicDns.set(!initial.noPublicDns());
        typingError = Bindings.createStringBinding(this::firstTypingError, dnsServer, caFiles, resolve);
        note = Bindings.createStringBinding(() -> noteFor(applied.get()), applied);
        for (var field : List.of(dnsServer, caFiles, resolve)) {
            field.addListener((obs, old, now) -> apply());
        }
        comparePublicDns.addListener((obs, old, now) -> apply());
        apply();
    }

    /** The engine the live check and verify pages use now. */
    public Discovery discovery() {
        Discovery current = engine;
        return current != null ? current : systemEngine.get();
    }

    /** The settings as typed, once valid. */
    public NetworkSettings settings() {
        return new NetworkSettings(dnsServer.get(), lines(caFiles.get()), lines(resolve.get()),
                !comparePublicDns.get());
    }

    private void apply() {
        int mine = ++generation;
        loadError.set(null);
        if (typingError.get() != null) {
            building.set(false);
            return;
        }
        NetworkSettings wanted = settings();
        if (wanted.usesSystemNetwork()) {
            engine = null;
            applied.set(wanted);
            building.set(false);
            rememberOnce(wanted);
            return;
        }
        building.set(true);
        tasks.create(() -> factory.create(wanted))
                .onSuccess(made -> {
                    if (mine == generation) {
                        engine = made;
                        applied.set(wanted);
                        rememberOnce(wanted);
                    }
                })
                .onError(e -> {
                    if (mine == generation) {
                        loadError.set(texts.get("wizard.network.caFile.unusable", FileWork.messageOf(e)));
                    }
                })
                .andFinally(() -> {
                    if (mine == generation) {
                        building.set(false);
                    }
                })
                .start();
    }

    private void rememberOnce(NetworkSettings wanted) {
        if (!wanted.equals(remembered)) {
            remembered = wanted;
            remember.accept(wanted);
        }
    }

    private String firstTypingError() {
        String dns = dnsServer.get().strip();
        if (!dns.isEmpty()) {
            try {
                ResolveOverrides.parseTarget(dns, 53);
            } catch (IllegalArgumentException e) {
                return texts.get("wizard.network.dns.invalid", dns);
            }
        }
        for (String file : lines(caFiles.get())) {
            if (!Path.of(file).isAbsolute()) {
                return texts.get("wizard.network.caFile.relative", file);
            }
        }
        for (String entry : lines(resolve.get())) {
            if (ResolveOverrides.parseEntry(entry) == null) {
                return texts.get("wizard.network.resolve.invalid", entry);
            }
        }
        return null;
    }

    /** One line that every check page shows while the settings differ from the system's network. */
    private String noteFor(NetworkSettings settings) {
        if (settings.usesSystemNetwork()) {
            return "";
        }
        StringBuilder parts = new StringBuilder();
        if (!settings.dnsServer().isEmpty()) {
            parts.append(texts.get("wizard.network.note.dns", settings.dnsServer()));
        }
        if (!settings.caFiles().isEmpty()) {
            parts.append(parts.isEmpty() ? "" : "; ").append(texts.get("wizard.network.note.ca",
                    String.join(", ", settings.caFiles().stream().map(f -> Path.of(f).getFileName().toString())
                            .toList())));
        }
        if (!settings.resolve().isEmpty()) {
            parts.append(parts.isEmpty() ? "" : "; ").append(texts.get("wizard.network.note.resolve",
                    String.join(", ", settings.resolve())));
        }
        if (settings.noPublicDns()) {
            parts.append(parts.isEmpty() ? "" : "; ").append(texts.get("wizard.network.note.noPublicDns"));
        }
        return texts.get("wizard.network.note", parts.toString());
    }

    static List<String> lines(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    /** True while the values are wrong or the engine for them is still being made: checks must wait. */
    public javafx.beans.binding.BooleanBinding blocksChecks() {
        return Bindings.createBooleanBinding(() -> building.get() || typingError.get() != null || loadError.get() != null,
                building, typingError, loadError);
    }

    /** The mistake to show under the fields, or null. */
    public StringBinding errorProperty() {
        return Bindings.createStringBinding(() -> typingError.get() != null ? typingError.get() : loadError.get(),
                typingError, loadError);
    }

    /** "Checked with DNS server …; extra CAs …; resolve …", or empty for the system's network. */
    public StringBinding noteProperty() {
        return note;
    }

    public StringProperty dnsServerProperty() {
        return dnsServer;
    }

    public StringProperty caFilesProperty() {
        return caFiles;
    }

    public StringProperty resolveProperty() {
        return resolve;
    }

    /** Whether checks compare this computer's DNS answers with public resolvers (never with a DNS server of its own). */
    public BooleanProperty comparePublicDnsProperty() {
        return comparePublicDns;
    }

    public ReadOnlyBooleanProperty buildingProperty() {
        return building;
    }

    /** Adds a chosen CA file on a line of its own. */
    public void addCaFile(Path file) {
        String current = caFiles.get().strip();
        caFiles.set(current.isEmpty() ? file.toString() : current + "\n" + file);
    }
}
