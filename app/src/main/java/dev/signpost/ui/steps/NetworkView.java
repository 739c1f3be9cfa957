package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The start page's collapsed "Advanced network settings" for staging setups: DNS server, CA files, overrides, and
 * whether checks compare this computer's DNS answers with public resolvers.
 */
final class NetworkView extends TitledPane {

    NetworkView(NetworkViewModel model, Texts texts) {
        setText(texts.get("wizard.network.title"));
        setId("network-settings");
        setExpanded(!model.settings().usesSystemNetwork());
        setAnimated(false);
        // Built when first opened: the start page is the first window, and two text areas and a field that most
        // users never open would cost it a noticeable part of its start.
        if (isExpanded()) {
            setContent(content(model, texts));
        } else {
            expandedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was,
                                    Boolean expanded) {
                    if (expanded) {
                        expandedProperty().removeListener(this);
                        setContent(content(model, texts));
                    }
                }
            });
        }
    }

    private VBox content(NetworkViewModel model, Texts texts) {

        TextField dns = new TextField();
        dns.setId("network-dns");
        dns.setPromptText(texts.get("wizard.network.dns.prompt"));
        dns.textProperty().bindBidirectional(model.dnsServerProperty());

        TextArea caFiles = new TextArea();
        caFiles.setId("network-ca-files");
        caFiles.setPrefRowCount(2);
        caFiles.setPromptText(texts.get("wizard.network.caFiles.prompt"));
        caFiles.textProperty().bindBidirectional(model.caFilesProperty());
        Button add = new Button(texts.get("wizard.network.caFiles.add"));
        add.setId("network-ca-add");
        add.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("wizard.network.caFiles.choose"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.addCaFile(file.toPath().toAbsolutePath());
            }
        });

        TextArea resolve = new TextArea();
        resolve.setId("network-resolve");
        resolve.setPrefRowCount(2);
        resolve.setPromptText(texts.get("wizard.network.resolve.prompt"));
        resolve.textProperty().bindBidirectional(model.resolveProperty());

        CheckBox publicDns = new CheckBox(texts.get("wizard.network.publicDns.label"));
        publicDns.setId("network-public-dns");
        publicDns.setWrapText(true);
        publicDns.selectedProperty().bindBidirectional(model.comparePublicDnsProperty());
        // A DNS server of its own makes the check a lab whose names public resolvers do not know: no comparison.
        publicDns.disableProperty().bind(model.dnsServerProperty().isNotEmpty());

        Ui.keepWhole(add);
        VBox content = new VBox(6,
                Ui.hint(texts.get("wizard.network.lead")),
                Ui.fieldLabel(texts.get("wizard.network.dns.label"), dns), dns,
                Ui.fieldLabel(texts.get("wizard.network.caFiles.label"), caFiles), caFiles, add,
                Ui.fieldLabel(texts.get("wizard.network.resolve.label"), resolve), resolve,
                publicDns, Ui.hint(texts.get("wizard.network.publicDns.hint")),
                Ui.errorLine(model.errorProperty()));
        return content;
    }
}
