package io.tfjlab.training.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The class of machine whose float rounding a golden file pins: the CPU's vector extensions that
 * oneDNN and Eigen choose kernels by (from {@code /proc/cpuinfo}), plus the environment variables
 * that change those choices. Two machines of one class run the same kernels, so training is bit
 * for bit the same; across classes only approximately.
 */
public final class IsaClass {
  /** The flags that select float kernels, in a fixed order. */
  static final List<String> FLAGS = List.of("avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl",
      "avx512_vnni", "avx512_bf16", "avx512_fp16", "avx_vnni", "amx_tile", "amx_bf16");
  static final List<String> ENVIRONMENT = List.of("TF_ENABLE_ONEDNN_OPTS", "ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA",
      "ONEDNN_DEFAULT_FPMATH_MODE");

  private IsaClass() {}

  /** This machine's class, e.g. {@code amd64: avx avx2 fma avx512f ...}. */
  public static String current() {
    List<String> parts = new ArrayList<>();
    Set<String> flags = cpuFlags().orElse(Set.of());
    for (String f : FLAGS) {
      if (flags.contains(f)) {
        parts.add(f);
      }
    }
    for (String env : ENVIRONMENT) {
      String v = System.getenv(env);
      if (v != null) {
        parts.add(env + "=" + v);
      }
    }
    return System.getProperty("os.arch") + ":" + (cpuFlags().isEmpty() ? " (no /proc/cpuinfo)" : "")
        + (parts.isEmpty() ? "" : " " + String.join(" ", parts));
  }

  private static Optional<Set<String>> cpuFlags() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("flags"))
          .findFirst().map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
