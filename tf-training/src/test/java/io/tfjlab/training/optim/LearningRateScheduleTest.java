package io.tfjlab.training.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void linearDecaysOverTheWholeRunWithoutStart() {
    LearningRateSchedule s = new LearningRateSchedule("linear", null, null, 0.0);
    assertThat(s.rate(1.0, 0, 5)).isEqualTo(1.0);
    assertThat(s.rate(1.0, 2, 5)).isCloseTo(0.5, within(1e-12));
    assertThat(s.rate(1.0, 4, 5)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void linearFromStartKeepsTheFullRateThenDecaysToTheFinalFraction() {
    LearningRateSchedule s = LearningRateSchedule.linearFrom(10, 0.1);
    for (int e = 0; e <= 10; e++) {
      assertThat(s.rate(0.003, e, 20)).isEqualTo(0.003);
    }
    assertThat(s.rate(0.003, 19, 20)).isCloseTo(0.0003, within(1e-12));
    assertThat(s.rate(0.003, 15, 20)).isLessThan(s.rate(0.003, 14, 20));
    // a start at or past the last epoch leaves the rate constant
    assertThat(LearningRateSchedule.linearFrom(25, 0.0).rate(0.003, 19, 20)).isEqualTo(0.003);
  }

  @Test
  void rejectsANegativeStart() {
    assertThatThrownBy(() -> LearningRateSchedule.linearFrom(-1, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schedule.start");
  }
}
