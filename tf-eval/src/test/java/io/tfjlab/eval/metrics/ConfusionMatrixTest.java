package io.tfjlab.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
  static final int[] PREDICTED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};

  @Test
  void countsRowsAsActualColumnsAsPredicted() {
    ConfusionMatrix cm = ConfusionMatrix.of(ACTUAL, PREDICTED, 3);
    assertThat(cm.counts()).isDeepEqualTo(new long[][] {{2, 1, 1}, {1, 2, 0}, {0, 1, 2}});
    assertThat(cm.numClasses()).isEqualTo(3);
    assertThat(cm.total()).isEqualTo(10);
    assertThat(cm.actualCount(0)).isEqualTo(4);
    assertThat(cm.predictedCount(1)).isEqualTo(4);
    assertThat(cm.accuracy()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void isImmutable() {
    long[][] raw = {{1, 0}, {0, 1}};
    ConfusionMatrix cm = new ConfusionMatrix(raw);
    raw[0][0] = 99;
    cm.counts()[0][0] = 99;
    assertThat(cm.count(0, 0)).isEqualTo(1);
    assertThat(cm).isEqualTo(new ConfusionMatrix(new long[][] {{1, 0}, {0, 1}}));
  }

  @Test
  void rejectsMismatchedLengths() {
    assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actual has 2 labels but predicted has 1");
  }

  @Test
  void rejectsLabelOutOfRange() {
    assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actual label at index 1 is 3, outside [0, 3)");
    assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {-1, 1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("predicted label at index 0 is -1");
  }

  @Test
  void rejectsEmptyAndBadShapes() {
    assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new ConfusionMatrix(new long[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confusion matrix row 1 has 1 columns, expected 2");
    assertThatThrownBy(() -> new ConfusionMatrix(new long[][] {{1, -2}, {3, 0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
