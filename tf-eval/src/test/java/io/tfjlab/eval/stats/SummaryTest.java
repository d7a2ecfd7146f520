package io.tfjlab.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void usesTheSampleStandardDeviation() {
    Summary s = Summary.of(2, 4, 4, 4, 5, 5, 7, 9);
    assertThat(s.n()).isEqualTo(8);
    assertThat(s.mean()).isCloseTo(5.0, within(1e-12));
    assertThat(s.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12)); // population std would be 2
    assertThat(s.min()).isEqualTo(2);
    assertThat(s.max()).isEqualTo(9);
  }

  @Test
  void singleValueHasZeroSpread() {
    assertThat(Summary.of(0.9).std()).isZero();
  }

  @Test
  void rejectsEmptyOrNonFinite() {
    assertThatThrownBy(Summary::of)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot summarise an empty sample");
    assertThatThrownBy(() -> Summary.of(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value 1 is not finite: NaN");
  }
}
