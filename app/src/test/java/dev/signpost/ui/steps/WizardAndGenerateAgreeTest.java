package dev.signpost.ui.steps;

import dev.signpost.cli.SignpostCommand;
import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static dev.signpost.ui.steps.StepsTestSupport.EN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's hosting page and {@code signpost generate} judge the same typed values by the same rules: what one
 * rejects the other rejects, with the same sentence. Several rows are values the page used to accept and the
 * generator refused (an https upstream, a base URL with /_matrix, an upper-case Matrix ID, a mail address with
 * characters a config cannot hold).
 */
class WizardAndGenerateAgreeTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest(name = "{0} = {1}: rejected {2}")
    @CsvSource(delimiter = '|', value = {
            "upstream      | https://127.0.0.1:8448            | true",
            "upstream      | http://127.0.0.1:8008/synapse     | true",
            "upstream      | 127.0.0.1:8008                    | true",
            "upstream      | http://127.0.0.1:8008             | false",
            "baseUrl       | https://matrix.example.com/_matrix/client | true",
            "baseUrl       | http://matrix.example.com         | true",
            "baseUrl       | https://matrix.example.com?x=1    | true",
            "baseUrl       | https://MATRIX.example.com/       | false",
            "identity      | vector.im                         | true",
            "identity      | https://vector.im                 | false",
            "email         | ad!min@example.com                | true",
            "email         | admin@localhost                   | true",
            "email         | admin+matrix@example.com          | false",
            "matrixId      | @Admin:example.com                | true",
            "matrixId      | @admin:example.com                | false",
    })
    void theWizardAndGenerateGiveTheSameAnswer(String field, String value, boolean rejected, @TempDir Path dir)
            throws Exception {
        PlanDraft draft = new PlanDraft();
        draft.serverName.set("example.com");
        draft.federationHost.set("matrix.example.com");
        draft.clientBaseUrl.set("https://matrix.example.com");
        draft.webServer.set(WebServerKind.CADDY);
        draft.federationProxy.set(true);
        HostingViewModel page = new HostingViewModel(draft, EN);

        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--server-name", "example.com", "--delegate", "matrix.example.com:8448",
                "--client-base-url", "https://matrix.example.com", "--web-server", "caddy",
                "--out", dir.resolve("out").toString()));
        Function<String, String> wizard = switch (field) {
            case "upstream" -> {
                draft.homeserverUpstream.set(value);
                options.put("--upstream", value);
                yield page::upstreamError;
            }
            case "baseUrl" -> {
                draft.clientBaseUrl.set(value);
                options.put("--client-base-url", value);
                yield page::baseUrlError;
            }
            case "identity" -> {
                draft.identityServerUrl.set(value);
                options.put("--identity-server", value);
                yield page::identityServerError;
            }
            case "email" -> {
                draft.supportEmail.set(value);
                options.put("--admin-contact", value);
                yield page::supportEmailError;
            }
            case "matrixId" -> {
                draft.supportMatrixId.set(value);
                options.put("--admin-contact", value);
                yield page::supportMatrixIdError;
            }
            default -> throw new IllegalArgumentException(field);
        };
        List<String> args = new ArrayList<>(List.of("generate", "--federation-proxy"));
        options.forEach((option, v) -> args.addAll(List.of(option, v)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));

        String wizardSays = wizard.apply(value);
        if (rejected) {
            assertThat(wizardSays).as("the wizard rejects %s", value).isNotNull();
            assertThat(page.canAdvance().get()).isFalse();
            assertThat(status).as("generate rejects %s", value).isNotZero();
            assertThat(err.toString()).as("generate says the same sentence").contains(wizardSays);
            assertThat(dir.resolve("out")).as("nothing half-written").doesNotExist();
        } else {
            assertThat(wizardSays).as("the wizard accepts %s", value).isNull();
            assertThat(page.canAdvance().get()).isTrue();
            assertThat(status).as(err.toString()).isZero();
            assertThat(Files.list(dir.resolve("out"))).isNotEmpty();
        }
    }

    /** Nobody chose a web server: the wizard's first draft and generate assume the same one. */
    @Test
    void withoutAChoiceTheWizardAndGenerateAssumeTheSameWebServer(@TempDir Path dir) throws Exception {
        PlanDraft draft = new PlanDraft();
        int status = SignpostCommand.run(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), "generate", "--server-name", "example.com",
                "--out", dir.toString());
        assertThat(status).isZero();
        try (var generated = Files.list(dir)) {
            // generate writes the web server's files into a directory named after it (nginx/, caddy/, ...).
            assertThat(generated.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(
                    name -> Arrays.stream(WebServerKind.values()).anyMatch(k -> k.name().equalsIgnoreCase(name))))
                    .containsExactly(draft.webServer.get().name().toLowerCase(Locale.ROOT));
        }
    }
}
