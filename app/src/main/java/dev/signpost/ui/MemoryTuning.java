package dev.signpost.ui;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Lets the wizard give memory back while it waits for the user. With the JVM's defaults for a server, G1 grows the
 * heap during a check (a full flow committed 300–600 MB on a machine with 24 GB) and keeps it while the window sits
 * idle, although less than 100 MB stays in use. The desktop app normally runs with the serial collector and a small
 * heap ({@code dev.signpost.launch.DesktopJvm}, the installed app's launcher); this covers both that and a wizard run
 * with G1 in the JVM it was started in ({@code SIGNPOST_SAME_JVM}, an IDE). G1's three settings can be changed while
 * the JVM runs: after 10 s without a collection G1 runs one and returns the free heap to the system, and the heap is
 * kept at most 30 % free.
 */
public final class MemoryTuning {

    static final Map<String, String> SETTINGS = Map.of(
            "G1PeriodicGCInterval", "10000",
            "MinHeapFreeRatio", "10",
            "MaxHeapFreeRatio", "30");

    private static final System.Logger LOG = System.getLogger(MemoryTuning.class.getName());

    private MemoryTuning() {
    }

    /**
     * Applies {@link #SETTINGS} with G1 (a wizard run in the JVM it was started in); with the serial collector of the
     * desktop options ({@code dev.signpost.launch.DesktopJvm}) starts {@link IdleCollection}; with another
     * collector, or a JVM without these options, it leaves memory as it is.
     */
    public static void apply() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null) {
            return;
        }
        if ("true".equals(vm.getVMOption("UseSerialGC").getValue())) {
            IdleCollection.start();
            return;
        }
        if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
            return;
        }
        // Min before max: the JVM refuses a minimum above the current maximum, and a maximum below the current minimum.
        for (String name : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
            try {
                vm.setVMOption(name, SETTINGS.get(name));
            } catch (IllegalArgumentException | SecurityException e) {
                LOG.log(System.Logger.Level.INFO, "cannot set " + name + ": " + e.getMessage());
            }
        }
    }
}
