package dev.signpost.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application: the setup wizard. */
public final class SignpostApp extends Application {

    /** Starts the toolkit and opens the wizard; returns when the window is closed. */
    public static void launchWizard(String[] args) {
        Application.launch(SignpostApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Signpost");
        stage.setScene(new Scene(new StackPane(new Label("Signpost")), 900, 640));
        stage.show();
    }
}
