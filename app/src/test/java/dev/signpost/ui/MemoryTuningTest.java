package dev.signpost.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's memory settings take effect in the running JVM, as they must for {@code java -jar signpost.jar}. */
class MemoryTuningTest {

    @Test
    void withG1TheIdleCollectionAndTheFreeHeapLimitsAreInForce() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Assumptions.assumeTrue("true".equals(vm.getVMOption("UseG1GC").getValue()),
                "this test JVM does not use G1, whose settings these are");

        MemoryTuning.apply();

        MemoryTuning.SETTINGS.forEach((name, value) -> assertThat(vm.getVMOption(name).getValue()).as(name)
                .isEqualTo(value));
    }
}
