package dev.signpost.core.generate;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The SRV zone lines parse with dnsjava's zone-file parser and name the planned target and port. */
class SrvZoneTest {

    @Test
    void zoneLinesParseAsThePlannedSrvRecords() throws Exception {
        DelegationPlan plan = DelegationPlan.defaultsFor("bücher.example").toBuilder()
                .federationMode(FederationMode.SRV).federation("fed.bücher.example", 8443).build();
        GeneratedFile zone = new ConfigGenerator(Locale.ENGLISH).generate(plan).stream()
                .filter(f -> f.path().equals(SrvRecordGenerator.PATH)).findFirst().orElseThrow();
        List<SRVRecord> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(zone.content().getBytes(StandardCharsets.UTF_8)),
                Name.root)) {
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                records.add((SRVRecord) record);
            }
        }
        assertThat(records).extracting(r -> r.getName().toString())
                .containsExactly("_matrix-fed._tcp.xn--bcher-kva.example.", "_matrix._tcp.xn--bcher-kva.example.");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.getTarget().toString()).isEqualTo("fed.xn--bcher-kva.example.");
            assertThat(r.getPort()).isEqualTo(8443);
            assertThat(r.getTTL()).isEqualTo(3600);
        });
    }
}
