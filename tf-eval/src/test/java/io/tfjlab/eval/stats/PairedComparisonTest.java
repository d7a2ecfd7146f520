package io.tfjlab.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  @Test
  void fivePairsAllInOneDirectionGiveOneOver32OneSided() {
    // the shape of seed 002's comparison: 5 seeds, the first model better on every one
    double[] a = {0.921, 0.918, 0.925, 0.930, 0.915};
    double[] b = {0.905, 0.913, 0.902, 0.921, 0.904}; // differences all distinct
    PairedComparison c = PairedComparison.of(a, b);
    assertThat(c.n()).isEqualTo(5);
    assertThat(c.exact()).isTrue();
    assertThat(c.statistic()).isEqualTo(15.0);
    assertThat(c.wPlus()).isEqualTo(15.0);
    assertThat(c.pValue()).isCloseTo(0.0625, within(1e-15));
    assertThat(c.pGreaterExact()).isCloseTo(0.03125, within(1e-15));
    assertThat(c.pLessExact()).isCloseTo(1.0, within(1e-15));
    assertThat(c.meanDifference()).isCloseTo(0.0128, within(1e-12));

    PairedComparison reversed = PairedComparison.of(b, a);
    assertThat(reversed.pValue()).isCloseTo(0.0625, within(1e-15));
    assertThat(reversed.pLessExact()).isCloseTo(0.03125, within(1e-15));
    assertThat(reversed.pGreaterExact()).isCloseTo(1.0, within(1e-15));
    assertThat(reversed.meanDifference()).isCloseTo(-0.0128, within(1e-12));
  }

  @Test
  void mixedSignsMatchHandEnumeration() {
    // differences +1, -2, +3, +4 -> ranks 1,2,3,4, W+ = 8, W- = 2; subsets of {1..4} with sum >= 8:
    // {1,3,4}=8, {2,3,4}=9, {1,2,3,4}=10: 3 of 16 (also 3 with W- <= 2, so two-sided 6/16)
    double[] a = {1, 0, 3, 4};
    double[] b = {0, 2, 0, 0};
    PairedComparison c = PairedComparison.of(a, b);
    assertThat(c.wPlus()).isEqualTo(8.0);
    assertThat(c.statistic()).isEqualTo(8.0);
    assertThat(c.pGreaterExact()).isCloseTo(3.0 / 16, within(1e-15));
    assertThat(c.pValue()).isCloseTo(6.0 / 16, within(1e-15));
    assertThat(c.pLessExact()).isCloseTo(14.0 / 16, within(1e-15));
  }

  @Test
  void zeroDifferencesAreDropped() {
    PairedComparison c = PairedComparison.of(new double[] {1, 2, 3, 5}, new double[] {1, 1, 1, 1});
    assertThat(c.n()).isEqualTo(3);
    assertThat(c.pGreaterExact()).isCloseTo(1.0 / 8, within(1e-15));
    assertThat(c.meanDifference()).isCloseTo(1.75, within(1e-15));

    PairedComparison same = PairedComparison.of(new double[] {1, 2}, new double[] {1, 2});
    assertThat(same.n()).isZero();
    assertThat(same.pValue()).isEqualTo(1.0);
  }

  @Test
  void largeSamplesUseTheNormalApproximation() {
    Random r = new Random(7);
    double[] a = new double[40];
    double[] b = new double[40];
    for (int i = 0; i < 40; i++) {
      a[i] = r.nextGaussian() + 0.8;
      b[i] = r.nextGaussian();
    }
    PairedComparison c = PairedComparison.of(a, b);
    assertThat(c.exact()).isFalse();
    assertThat(c.pGreaterExact()).isNaN();
    assertThat(c.pValue()).isBetween(0.0, 0.05);
  }

  @Test
  void tiesInAbsoluteDifferencesUseAverageRanksInTheExactEnumeration() {
    // differences 1, 1, 2 -> ranks 1.5, 1.5, 3; only the all-positive pattern reaches W+ = 6
    PairedComparison c = PairedComparison.of(new double[] {1, 2, 3}, new double[] {0, 1, 1});
    assertThat(c.exact()).isTrue();
    assertThat(c.wPlus()).isEqualTo(6.0);
    assertThat(c.pGreaterExact()).isCloseTo(1.0 / 8, within(1e-15));
    assertThat(c.pValue()).isCloseTo(2.0 / 8, within(1e-15));
    // differences +1, -1, +2: W+ = 4.5 of 6; patterns with W+ >= 4.5: {1.5,3}, {1.5,3}, {1.5,1.5,3}
    PairedComparison mixed = PairedComparison.of(new double[] {1, 0, 3}, new double[] {0, 1, 1});
    assertThat(mixed.pGreaterExact()).isCloseTo(3.0 / 8, within(1e-15));
    assertThat(mixed.pValue()).isCloseTo(6.0 / 8, within(1e-15));
  }

  @Test
  void twoSidedPValueNeverExceedsOne() {
    // differences +1, +2, -3: W+ = W- = 3
    PairedComparison c = PairedComparison.of(new double[] {1, 2, 0}, new double[] {0, 0, 3});
    assertThat(c.pValue()).isEqualTo(1.0);
  }

  @Test
  void nullDistributionCountsSumToTwoToTheN() {
    long[] counts = PairedComparison.rankSumCounts(10);
    long sum = 0;
    for (long v : counts) {
      sum += v;
    }
    assertThat(sum).isEqualTo(1024);
    assertThat(counts).hasSize(56);
    assertThat(counts[55]).isEqualTo(1);
    assertThat(counts[3]).isEqualTo(2); // {3}, {1,2}
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> PairedComparison.of(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paired samples differ in length: 2 vs 1");
    assertThatThrownBy(() -> PairedComparison.of(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paired samples are empty");
    assertThatThrownBy(() -> PairedComparison.of(new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pair 0 is not finite");
  }
}
