package io.tfjlab.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.training.RunSpec;
import io.tfjlab.training.spec.SpecWarnings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in comparison plans hold no value {@link SpecWarnings} warns about: {@code ./tfjlab
 * compare} prints no {@code warning:} line for them (the batch-size check with the labeled images
 * MNIST gives each run: its labels, or the training part of 60,000 images).
 */
class PlanWarningsTest {
  static final int MNIST_TRAIN = 60_000;

  static List<String> warnings(String plan) {
    List<String> out = new ArrayList<>();
    int runs = 0;
    for (ComparisonRow row : ComparisonPlanTest.plan(plan)) {
      for (RunSpec spec : row.runs()) {
        runs++;
        int labeled =
            spec.labels() > 0
                ? spec.labels()
                : MNIST_TRAIN - (int) Math.round(MNIST_TRAIN * spec.validation());
        SpecWarnings.of(spec).forEach(w -> out.add(row.id() + ": " + w));
        SpecWarnings.ofData(spec, labeled).forEach(w -> out.add(row.id() + ": " + w));
      }
    }
    System.out.println(plan + ": " + runs + " runs, " + out.size() + " warnings " + out);
    return out;
  }

  @Test
  void theDefaultPlanGivesNoWarning() {
    assertThat(warnings("default")).isEmpty();
  }

  @Test
  void thePaperAndSmokePlansGiveNoWarningEither() {
    assertThat(warnings("paper")).isEmpty();
    assertThat(warnings("smoke")).isEmpty();
  }
}
