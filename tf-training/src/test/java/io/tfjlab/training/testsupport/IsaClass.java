package io.tfjlab.training.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class of machine whose float rounding a golden file pins: the CPU's vector extensions that
 * oneDNN chooses its kernels by (from {@code /proc/cpuinfo}), the cache sizes it blocks its loops
 * by (from {@code /sys}), and the environment variables that change those choices. Two machines of
 * one class run the same kernels in the same order, so training is bit for bit the same; across
 * classes only approximately. (Eigen's kernels are fixed when TensorFlow is compiled.)
 */
public final class IsaClass {
  /** The flags that select float kernels, in a fixed order. */
  static final List<String> FLAGS =
      List.of(
          "avx",
          "avx2",
          "fma",
          "avx512f",
          "avx512dq",
          "avx512bw",
          "avx512vl",
          "avx512_vnni",
          "avx512_bf16",
          "avx512_fp16",
          "avx_vnni",
          "amx_tile",
          "amx_bf16");

  static final List<String> ENVIRONMENT =
      List.of(
          "TF_ENABLE_ONEDNN_OPTS",
          "ONEDNN_MAX_CPU_ISA",
          "DNNL_MAX_CPU_ISA",
          "ONEDNN_DEFAULT_FPMATH_MODE");

  private IsaClass() {}

  /**
   * This machine's class, e.g. {@code amd64: avx avx2 fma avx512f ...; caches L1d 48K L2 2048K L3
   * 307200K}.
   */
  public static String current() {
    List<String> parts = new ArrayList<>();
    Optional<Set<String>> flags = cpuFlags();
    for (String f : FLAGS) {
      if (flags.orElse(Set.of()).contains(f)) {
        parts.add(f);
      }
    }
    String caches = caches();
    List<String> env = new ArrayList<>();
    for (String name : ENVIRONMENT) {
      String v = System.getenv(name);
      if (v != null) {
        env.add(name + "=" + v);
      }
    }
    return System.getProperty("os.arch")
        + ":"
        + (flags.isEmpty() ? " (no /proc/cpuinfo)" : "")
        + (parts.isEmpty() ? "" : " " + String.join(" ", parts))
        + (caches.isEmpty() ? "" : "; caches " + caches)
        + (env.isEmpty() ? "" : "; " + String.join(" ", env));
  }

  private static Optional<Set<String>> cpuFlags() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("flags"))
          .findFirst()
          .map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * CPU 0's data and unified caches, e.g. {@code L1d 48K L2 2048K L3 307200K}; empty where /sys
   * lacks them.
   */
  private static String caches() {
    Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
    try (Stream<Path> s = Files.list(dir)) {
      List<String> out = new ArrayList<>();
      for (Path index :
          s.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
        String type = Files.readString(index.resolve("type")).trim();
        if (type.equals("Instruction")) {
          continue;
        }
        String level = Files.readString(index.resolve("level")).trim();
        out.add(
            "L"
                + level
                + (type.equals("Data") ? "d" : "")
                + " "
                + Files.readString(index.resolve("size")).trim());
      }
      return String.join(" ", out);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
