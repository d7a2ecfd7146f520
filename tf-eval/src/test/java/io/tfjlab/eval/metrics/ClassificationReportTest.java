package io.tfjlab.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values worked out by hand with scikit-learn's definitions (zero_division=0). */
class ClassificationReportTest {

  static final double EPS = 1e-12;

  @Test
  void threeClassExampleMatchesHandComputedValues() {
    // counts [[2,1,1],[1,2,0],[0,1,2]]
    ClassificationReport r =
        ClassificationReport.of(
            ConfusionMatrixTest.ACTUAL,
            ConfusionMatrixTest.PREDICTED,
            List.of("cat", "dog", "bird"));
    ClassMetrics cat = r.classes().get(0);
    ClassMetrics dog = r.classes().get(1);
    ClassMetrics bird = r.classes().get(2);
    assertThat(cat.name()).isEqualTo("cat");
    assertThat(cat.precision()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(cat.recall()).isCloseTo(0.5, within(EPS));
    assertThat(cat.f1()).isCloseTo(4.0 / 7, within(EPS));
    assertThat(cat.support()).isEqualTo(4);
    assertThat(dog.precision()).isCloseTo(0.5, within(EPS));
    assertThat(dog.recall()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(dog.f1()).isCloseTo(4.0 / 7, within(EPS));
    assertThat(bird.precision()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(bird.recall()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(bird.f1()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(bird.support()).isEqualTo(3);

    assertThat(r.accuracy()).isCloseTo(0.6, within(EPS));
    assertThat(r.macroPrecision()).isCloseTo(11.0 / 18, within(EPS));
    assertThat(r.macroRecall()).isCloseTo(11.0 / 18, within(EPS));
    assertThat(r.macroF1()).isCloseTo(38.0 / 63, within(EPS)); // 0.6032
    assertThat(r.weightedPrecision()).isCloseTo(37.0 / 60, within(EPS));
    assertThat(r.weightedRecall()).isCloseTo(0.6, within(EPS));
    assertThat(r.weightedF1()).isCloseTo(0.6, within(EPS));
    assertThat(r.total()).isEqualTo(10);
  }

  @Test
  void zeroDivisionGivesZeroAndEmptyClassesCountInTheMacroAverage() {
    // class 2 never occurs and is never predicted: 0/0 everywhere
    ClassificationReport r =
        ClassificationReport.of(
            ConfusionMatrix.of(new int[] {0, 1, 0, 1}, new int[] {0, 0, 0, 1}, 3));
    ClassMetrics none = r.classes().get(2);
    assertThat(none.name()).isEqualTo("2");
    assertThat(none.precision()).isZero();
    assertThat(none.recall()).isZero();
    assertThat(none.f1()).isZero();
    assertThat(none.support()).isZero();
    assertThat(r.classes().get(0).f1()).isCloseTo(0.8, within(EPS));
    assertThat(r.classes().get(1).f1()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(r.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 3, within(EPS));
    assertThat(r.weightedF1()).isCloseTo((2 * 0.8 + 2 * 2.0 / 3) / 4, within(EPS));
  }

  @Test
  void classNeverPredictedHasZeroPrecisionAndF1() {
    ClassificationReport r =
        ClassificationReport.of(ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 0, 0}, 2));
    assertThat(r.classes().get(1).precision()).isZero();
    assertThat(r.classes().get(1).recall()).isZero();
    assertThat(r.classes().get(1).f1()).isZero();
    assertThat(r.classes().get(0).precision()).isCloseTo(1.0 / 3, within(EPS));
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    ClassificationReport r =
        ClassificationReport.of(
            ConfusionMatrixTest.ACTUAL, ConfusionMatrixTest.PREDICTED, List.of("a", "b", "c"));
    String json = r.toJson();
    assertThat(json).contains("\"macroF1\"").contains("\"name\" : \"b\"");
    assertThat(new ObjectMapper().readValue(json, ClassificationReport.class)).isEqualTo(r);

    ConfusionMatrix cm =
        ConfusionMatrix.of(ConfusionMatrixTest.ACTUAL, ConfusionMatrixTest.PREDICTED, 3);
    ObjectMapper mapper = new ObjectMapper();
    String cmJson = mapper.writeValueAsString(cm);
    assertThat(cmJson).isEqualTo("{\"counts\":[[2,1,1],[1,2,0],[0,1,2]]}");
    assertThat(mapper.readValue(cmJson, ConfusionMatrix.class)).isEqualTo(cm);
  }

  @Test
  void textTableHasOneLinePerClassAndAverages() {
    String text =
        ClassificationReport.of(
                ConfusionMatrixTest.ACTUAL, ConfusionMatrixTest.PREDICTED, List.of("a", "b", "c"))
            .toText();
    assertThat(text.lines()).hasSize(7);
    assertThat(text).contains("macro avg").contains("0.6032").contains("weighted avg");
  }

  @Test
  void rejectsWrongNumberOfNames() {
    ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 1}, 2);
    assertThatThrownBy(() -> ClassificationReport.of(cm, List.of("only")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("got 1 class names for a confusion matrix of 2 classes");
  }
}
