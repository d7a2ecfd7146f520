package io.tfjlab.training.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.training.testsupport.GoldenRuns.CrossIsa;
import io.tfjlab.training.testsupport.RunSnapshot.TensorStats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden comparison itself: exact on the golden's ISA class, within 1e-4 elsewhere, never
 * silent.
 */
class GoldenRunsTest {
  static final String HERE = "amd64: avx avx2 avx512f";
  static final String ELSEWHERE = "amd64: avx avx2";
  @TempDir Path dir;

  static RunSnapshot snapshot(double loss, float weight) {
    ObjectNode results =
        RunSnapshot.MAPPER.createObjectNode().put("testLoss", loss).put("checkpoint", "last");
    float[] v = {weight, -0.5f, 0.25f};
    byte[] bytes = new byte[12];
    java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(v);
    double sum = v[0] + v[1] + v[2];
    double squares = (double) v[0] * v[0] + (double) v[1] * v[1] + (double) v[2] * v[2];
    TensorStats t =
        new TensorStats(
            "dense/kernel",
            "DT_FLOAT",
            List.of(3L),
            RunSnapshot.sha256(bytes),
            sum,
            squares,
            List.of((double) v[0], (double) v[1], (double) v[2]));
    String history =
        "phase,epoch,loss\nclassifier,1,"
            + String.format(java.util.Locale.ROOT, "%.6g", loss)
            + "\n";
    return new RunSnapshot(history, results, List.of(t));
  }

  @Test
  void aMissingGoldenFailsAndSaysHowToCreateIt() {
    assertThatThrownBy(
            () ->
                GoldenRuns.check(
                    dir.resolve("none"), snapshot(1, 1), HERE, false, CrossIsa.EVERYTHING))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Dgolden.update=true");
  }

  @Test
  void onTheGoldensIsaClassEveryBitCounts() {
    GoldenRuns.check(dir, snapshot(1.5, 0.125f), HERE, true, CrossIsa.EVERYTHING);
    assertThatCode(
            () -> GoldenRuns.check(dir, snapshot(1.5, 0.125f), HERE, false, CrossIsa.EVERYTHING))
        .doesNotThrowAnyException();
    // one ulp of one weight
    assertThatThrownBy(
            () ->
                GoldenRuns.check(
                    dir, snapshot(1.5, Math.nextUp(0.125f)), HERE, false, CrossIsa.EVERYTHING))
        .hasMessageContaining("exact branch")
        .hasMessageContaining("dense/kernel");
    assertThatThrownBy(
            () ->
                GoldenRuns.check(
                    dir, snapshot(1.5 + 1e-12, 0.125f), HERE, false, CrossIsa.EVERYTHING))
        .hasMessageContaining("exact branch")
        .hasMessageContaining("results.json testLoss");
  }

  @Test
  void onAnotherIsaClassNumbersAgreeWithinTheTolerance() {
    GoldenRuns.check(dir, snapshot(1.5, 0.125f), HERE, true, CrossIsa.EVERYTHING);
    assertThatCode(
            () ->
                GoldenRuns.check(
                    dir,
                    snapshot(1.5 * (1 + 2e-5), 0.125f * (1 + 2e-5f)),
                    ELSEWHERE,
                    false,
                    CrossIsa.EVERYTHING))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                GoldenRuns.check(
                    dir, snapshot(1.5 * (1 + 1e-3), 0.125f), ELSEWHERE, false, CrossIsa.EVERYTHING))
        .hasMessageContaining("tolerance branch")
        .hasMessageContaining("history.csv line 2 loss");
    assertThatThrownBy(
            () ->
                GoldenRuns.check(dir, snapshot(1.5, 0.13f), ELSEWHERE, false, CrossIsa.EVERYTHING))
        .hasMessageContaining("tolerance branch")
        .hasMessageContaining("dense/kernel value 0");
    // a family whose tensors move more across ISA classes: only its history and results count there
    assertThatCode(
            () ->
                GoldenRuns.check(
                    dir,
                    snapshot(1.5, 0.13f),
                    ELSEWHERE,
                    false,
                    CrossIsa.historyAndResultsOnly("a reason")))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                GoldenRuns.check(
                    dir,
                    snapshot(1.6, 0.125f),
                    ELSEWHERE,
                    false,
                    CrossIsa.historyAndResultsOnly("a reason")))
        .hasMessageContaining("a reason");
  }

  @Test
  void theFingerprintRoundTripsThroughItsFile() {
    RunSnapshot s = snapshot(0.75, -2f);
    GoldenRuns.write(dir, s, HERE);
    GoldenRuns.Fingerprint f = GoldenRuns.read(dir.resolve(GoldenRuns.FINGERPRINT));
    assertThat(f.variables()).isEqualTo(s.variables());
    assertThat(f.variablesSha256()).isEqualTo(s.variablesSha256());
    assertThat(f.isaClass()).isEqualTo(HERE);
  }
}
