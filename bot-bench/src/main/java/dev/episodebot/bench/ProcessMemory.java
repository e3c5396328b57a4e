package dev.episodebot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, from {@code /proc/self/status} (Linux); NaN elsewhere. */
final class ProcessMemory {

    private ProcessMemory() {}

    /** The peak resident set size so far (VmHWM), in MB. */
    static double peakRssMb() {
        return field("VmHWM:");
    }

    /** The resident set size now (VmRSS), in MB. */
    static double rssMb() {
        return field("VmRSS:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Math.round(Long.parseLong(parts[0]) / 1024.0 * 10) / 10.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs
        }
        return Double.NaN;
    }
}
