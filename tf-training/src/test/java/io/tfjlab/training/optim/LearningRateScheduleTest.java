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
    assertThat(s.rate(1.0, 2, 5)).isCloseTo(0.6, within(1e-12));
    // the last epoch still trains: the rate reaches 0 at the end of the run, not during it
    assertThat(s.rate(1.0, 4, 5)).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void linearFromStartKeepsTheFullRateThenDecaysToTheFinalFraction() {
    LearningRateSchedule s = LearningRateSchedule.linearFrom(10, 0.1);
    for (int e = 0; e <= 10; e++) {
      assertThat(s.rate(0.003, e, 20)).isEqualTo(0.003);
    }
    // 10 decaying epochs reach 0.1·lr at the end of epoch 19: epoch 19 trains at lr·(1 − 0.9·9/10)
    assertThat(s.rate(0.003, 19, 20)).isCloseTo(0.003 * 0.19, within(1e-12));
    assertThat(s.rate(0.003, 15, 20)).isLessThan(s.rate(0.003, 14, 20));
    // a start at or past the last epoch leaves the rate constant
    assertThat(LearningRateSchedule.linearFrom(25, 0.0).rate(0.003, 19, 20)).isEqualTo(0.003);
    assertThat(LearningRateSchedule.linearFrom(19, 0.0).rate(0.003, 19, 20)).isEqualTo(0.003);
  }

  @Test
  void rejectsANegativeStart() {
    assertThatThrownBy(() -> LearningRateSchedule.linearFrom(-1, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schedule.start");
  }
}
