package io.tfjlab.training.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The FP32 peak the bench compares its achieved GFLOP/s with: cores × GHz × FLOP per cycle per
 * core, an assumption derived from {@code /proc/cpuinfo} (the cores the bench uses, the {@code cpu
 * MHz} it reports, and the vector FMA units its flags imply), or a number given by the user.
 *
 * @param gflops the assumed peak, GFLOP/s
 * @param how how it was derived, for the output
 */
public record MachinePeak(double gflops, String how) {
  /** A peak the user gives ({@code --peak-gflops}). */
  public static MachinePeak given(double gflops) {
    if (!(gflops > 0)) {
      throw new IllegalArgumentException("--peak-gflops must be > 0, got " + gflops);
    }
    return new MachinePeak(gflops, "given with --peak-gflops");
  }

  /** The peak of {@code threads} cores of this machine, from {@code /proc/cpuinfo}. */
  public static MachinePeak assumed(int threads) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
    } catch (IOException | RuntimeException e) {
      lines = List.of();
    }
    return fromCpuinfo(lines, threads, Runtime.getRuntime().availableProcessors());
  }

  /** The peak from the lines of a {@code /proc/cpuinfo}, for {@code threads} of {@code cpus}. */
  static MachinePeak fromCpuinfo(List<String> cpuinfo, int threads, int cpus) {
    String vendor = field(cpuinfo, "vendor_id");
    String mhz = field(cpuinfo, "cpu MHz");
    Set<String> flags = Set.of(field(cpuinfo, "flags").split("\\s+"));
    if (mhz.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot derive the machine's peak: /proc/cpuinfo gives no 'cpu MHz'; give it with"
              + " --peak-gflops X");
    }
    double ghz = Double.parseDouble(mhz) / 1000;
    int cores = Math.min(threads, cpus);
    int perCycle;
    String units;
    boolean amd = vendor.contains("AMD");
    if (flags.contains("avx512f")) {
      perCycle = amd ? 32 : 64;
      units =
          amd
              ? "AVX-512 on AMD (Zen 4: two 256-bit FMA pipes) = 2 x 8 floats x 2"
              : "AVX-512 with two 512-bit FMA units (Xeon Gold/Platinum class) = 2 x 16 floats x 2";
    } else if (flags.contains("avx2") && flags.contains("fma")) {
      perCycle = 32;
      units = "AVX2 with two 256-bit FMA units = 2 x 8 floats x 2";
    } else if (flags.contains("avx")) {
      perCycle = 16;
      units = "AVX without FMA: one 8-float add + one 8-float multiply";
    } else {
      perCycle = 8;
      units = "SSE: one 4-float add + one 4-float multiply";
    }
    double peak = cores * ghz * perCycle;
    String how =
        String.format(
            Locale.ROOT,
            "%d cores x %.2f GHz x %d FLOP/cycle (%s; cores = the bench's threads, GHz = the 'cpu"
                + " MHz' of /proc/cpuinfo: an assumption, turbo clocks and a vCPU's share of a"
                + " physical core are not known; --peak-gflops X overrides)",
            cores,
            ghz,
            perCycle,
            units);
    return new MachinePeak(peak, how);
  }

  private static String field(List<String> lines, String name) {
    for (String l : lines) {
      int colon = l.indexOf(':');
      if (colon > 0 && l.substring(0, colon).trim().equals(name)) {
        return l.substring(colon + 1).trim();
      }
    }
    return "";
  }
}
