package io.tfjlab.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --inference} on a tiny classifier of a toy data set (no download, a few batches, one
 * thread): both passes run and print positive images/s in the lines bench/run-inference.sh reads,
 * and the options that do not apply are refused in one line. No timing is asserted.
 */
class BenchInferenceTest {
  private static final Pattern ROUND =
      Pattern.compile(
          "^tfjlab mlp inference batch 16 round 1: evaluation ([0-9.]+) images/s, savedmodel"
              + " ([0-9.]+) images/s$");

  @Test
  void bothPassesRunAndPrintPositiveImagesPerSecond() {
    String[] r =
        BenchCommandTest.bench(
            "--model",
            "mlp",
            "--dataset",
            "toy-blobs",
            "--hidden",
            "4",
            "--inference",
            "--batch-size",
            "16",
            "--rounds",
            "1",
            "--warmup",
            "1",
            "--steps",
            "3",
            "--threads",
            "1");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines.get(0)).startsWith("tfjlab mlp inference: batch 16, toy-blobs, 1 threads;");
    Matcher m =
        lines.stream()
            .map(ROUND::matcher)
            .filter(Matcher::matches)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no round line in\n" + r[1]));
    assertThat(Double.parseDouble(m.group(1))).isPositive();
    assertThat(Double.parseDouble(m.group(2))).isPositive();
    assertThat(lines.get(lines.size() - 1))
        .startsWith("tfjlab mlp inference batch 16 median: evaluation ")
        .endsWith("over 1 rounds (1 warm-up + 3 timed batches each, 1 threads)");
  }

  @Test
  void aPhaseDoesNotApplyToInference() {
    String[] r =
        BenchCommandTest.bench(
            "--model",
            "mlp",
            "--dataset",
            "toy-blobs",
            "--hidden",
            "4",
            "--inference",
            "--phase",
            "1",
            "--rounds",
            "1",
            "--steps",
            "1");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2].strip())
        .isEqualTo(
            "error: bench --inference measures the final model and counts no FLOPs: drop --phase");
  }
}
