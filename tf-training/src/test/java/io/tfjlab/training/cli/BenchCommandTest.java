package io.tfjlab.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench} on real MNIST batches, a few steps: the FLOPs it counts for the MLP equal the hand
 * count, the semi-supervised GAN step runs with its labeled and matching streams, the first result
 * line has the {@code N images/s} that shared/bench/run.sh reads, and a bad phase is one line.
 */
@Tag("integration")
class BenchCommandTest {
  /** run.sh's pattern for the number it reads. */
  private static final Pattern RUN_SH = Pattern.compile("[0-9][0-9,]*(\\.[0-9]+)? *(img|images)/s");

  static String[] bench(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(captured, true));
      CommandLine cl = new CommandLine(new BenchCommand()).setErr(new PrintWriter(err));
      cl.setExecutionExceptionHandler(
          (ex, c, p) -> {
            c.getErr().println("error: " + ex.getMessage());
            return 2;
          });
      int code = cl.execute(args);
      return new String[] {Integer.toString(code), captured.toString(), err.toString()};
    } finally {
      System.setOut(stdout);
    }
  }

  /**
   * 784-150-150-10 at batch 128: forward 2·128·(784·150 + 150·150 + 150·10) = 36,249,600; the
   * weight gradients as many; the input gradients of the two upper layers 2·128·(150·150 + 150·10)
   * = 6,144,000 (none into the images): 78,643,200 FLOPs per step.
   */
  @Test
  void mlpFlopsAreTheHandCountAndRunShReadsTheFirstImagesPerSecond() {
    String[] r = bench("--model", "mlp", "--rounds", "1", "--warmup", "1", "--steps", "2");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    long forward = 2L * 128 * (784 * 150 + 150 * 150 + 150 * 10);
    long total = 2 * forward + 2L * 128 * (150 * 150 + 150 * 10);
    assertThat(total).isEqualTo(78_643_200L);
    assertThat(r[1])
        .contains(
            String.format(
                Locale.ROOT,
                "%.6f GFLOP/step (matmul %.6f, conv 0.000000)",
                total / 1e9,
                total / 1e9),
            "phase 1/1 (classifier, supervised step), batch 128",
            "peak assumed:");
    String first = r[1].lines().filter(l -> RUN_SH.matcher(l).find()).findFirst().orElseThrow();
    assertThat(first).startsWith("tfjlab mlp batch 128 round 1: ").contains("steps/s", "GFLOP/s");
    Matcher m = RUN_SH.matcher(first);
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group().replaceAll("[^0-9.]", ""))).isPositive();
  }

  @Test
  void theSemiSupervisedGanStepGetsItsStreamsAndCountsItsFlops() {
    String[] r =
        bench(
            "--model",
            "sgan",
            "--rounds",
            "1",
            "--warmup",
            "1",
            "--steps",
            "2",
            "--peak-gflops",
            "100");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains(
            "tfjlab sgan-mlp: phase 1/1 (", "adversarial step), batch 100",
            "of 100.0 peak", "peak assumed: 100.0 GFLOP/s FP32 = given with --peak-gflops")
        .doesNotContain("not counted");
    assertThat(r[1]).doesNotContain("GFLOP/s n/a");
  }

  @Test
  void aPhaseTheModelDoesNotHaveIsOneLine() {
    String[] r = bench("--model", "mlp", "--phase", "2", "--rounds", "1", "--steps", "1");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2].strip())
        .isEqualTo(
            "error: --phase 2 does not exist: this model has 1 phase (classifier); give 1..1");
  }
}
