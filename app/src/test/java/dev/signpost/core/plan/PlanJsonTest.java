package dev.signpost.core.plan;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanJsonTest {

    @Test
    void roundTripsEveryField() throws PlanValueException {
        DelegationPlan plan = DelegationPlan.defaultsFor("example.com").toBuilder()
                .federationMode(FederationMode.SRV).federation("fed.example.com", 443)
                .identityServerUrl("https://vector.im")
                .addSupportContact(new SupportContact("m.role.security", null, "sec@example.com"))
                .supportPage("https://example.com/help")
                .extraClientKey("org.example.b", "[1,2]").extraClientKey("org.example.a", "{\"x\": true}")
                .webServer(WebServerKind.HAPROXY).homeserver(HomeserverKind.CONDUIT)
                .federationProxy(true).homeserverUpstream("http://127.0.0.1:6167").build();
        String json = PlanJson.write(plan);
        assertThat(json).endsWith("\n").contains("\"serverName\" : \"example.com\"");
        assertThat(PlanJson.read(json, Locale.ENGLISH)).isEqualTo(plan);
    }

    @Test
    void badJsonIsASentence() {
        assertThatThrownBy(() -> PlanJson.read("{\"serverName\": ", Locale.ENGLISH))
                .isInstanceOf(PlanValueException.class).hasMessageStartingWith("The saved plan could not be read");
        assertThatThrownBy(() -> PlanJson.read("{\"webServer\": \"IIS\"}", Locale.ENGLISH))
                .isInstanceOf(PlanValueException.class).hasMessageContaining("IIS");
        assertThatThrownBy(() -> PlanJson.read("  ", Locale.GERMAN))
                .isInstanceOf(PlanValueException.class).hasMessageContaining("leer");
    }

    @Test
    void unknownFieldsAreIgnoredForNewerFiles() throws PlanValueException {
        DelegationPlan plan = PlanJson.read("{\"serverName\": \"example.com\", \"futureField\": 1}", Locale.ENGLISH);
        assertThat(plan.serverName()).isEqualTo("example.com");
    }
}
