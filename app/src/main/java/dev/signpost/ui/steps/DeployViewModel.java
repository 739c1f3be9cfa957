package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The deploy page: upload the files over SSH when this build can, or the user puts them in place themselves and
 * says so. The list of where each file goes is shown either way.
 */
public final class DeployViewModel implements StepModel {

    /** How the files get onto the server. */
    public enum Method {
        MANUAL,
        SSH
    }

    private final ObservableList<PlannedFile> files;
    private final Texts texts;
    private final boolean uploadAvailable;
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.MANUAL);
    private final BooleanProperty placedByUser = new SimpleBooleanProperty();
    private final BooleanProperty uploaded = new SimpleBooleanProperty();
    private final BooleanBinding canAdvance;

    /** @param uploadAvailable whether this build can upload over SSH */
    public DeployViewModel(ObservableList<PlannedFile> files, Texts texts, boolean uploadAvailable) {
        this.files = files;
        this.texts = texts;
        this.uploadAvailable = uploadAvailable;
        canAdvance = Bindings.createBooleanBinding(
                () -> method.get() == Method.MANUAL ? placedByUser.get() : uploaded.get(),
                method, placedByUser, uploaded);
    }

    /** One line per file: where it goes and what it is for. */
    public List<String> placementLines() {
        return files.stream()
                .map(file -> texts.get("wizard.deploy.manual.line", file.path(), file.purpose()))
                .toList();
    }

    public ObservableList<PlannedFile> files() {
        return files;
    }

    public boolean isUploadAvailable() {
        return uploadAvailable;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    /** "I have put the files there myself". */
    public BooleanProperty placedByUserProperty() {
        return placedByUser;
    }

    public BooleanProperty uploadedProperty() {
        return uploaded;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return canAdvance;
    }
}
