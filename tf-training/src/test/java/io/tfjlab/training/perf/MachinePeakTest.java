package io.tfjlab.training.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The assumed peak: cores × GHz × FLOP/cycle of the FMA units the cpuinfo flags show. */
class MachinePeakTest {
  private static List<String> cpuinfo(String vendor, String mhz, String flags) {
    return List.of(
        "processor\t: 0",
        "vendor_id\t: " + vendor,
        "cpu MHz\t\t: " + mhz,
        "flags\t\t: fpu sse sse2 " + flags);
  }

  @Test
  void avx512OnIntelIsTwoFmaUnitsOfSixteenFloats() {
    MachinePeak p =
        MachinePeak.fromCpuinfo(cpuinfo("GenuineIntel", "2100.000", "avx fma avx2 avx512f"), 2, 2);
    assertThat(p.gflops()).isCloseTo(2 * 2.1 * 64, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.how()).contains("2 cores x 2.10 GHz x 64 FLOP/cycle", "assumption");
  }

  @Test
  void amdAvx2AndPlainAvxAndTheThreadsLimit() {
    assertThat(
            MachinePeak.fromCpuinfo(cpuinfo("AuthenticAMD", "3000", "avx fma avx2 avx512f"), 4, 8)
                .gflops())
        .isEqualTo(4 * 3.0 * 32);
    assertThat(
            MachinePeak.fromCpuinfo(cpuinfo("GenuineIntel", "2000", "avx fma avx2"), 8, 2).gflops())
        .isEqualTo(2 * 2.0 * 32);
    assertThat(MachinePeak.fromCpuinfo(cpuinfo("GenuineIntel", "2000", "avx"), 1, 2).gflops())
        .isEqualTo(2.0 * 16);
  }

  @Test
  void noClockOrABadGivenPeakIsOneLineNamingTheOption() {
    assertThatThrownBy(() -> MachinePeak.fromCpuinfo(List.of("flags : avx2"), 2, 2))
        .hasMessageContaining("--peak-gflops");
    assertThatThrownBy(() -> MachinePeak.given(0))
        .hasMessageContaining("--peak-gflops must be > 0");
    assertThat(MachinePeak.given(100).gflops()).isEqualTo(100);
  }
}
