package io.tfjlab.data.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ToyGeneratorsTest {
  @Test
  void linearRegressionFollowsTheLine() {
    ToyData d = ToyGenerators.linearRegression(2000, -20, -10, 1.0, 1);
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < d.n(); i++) {
      double x = d.x(i, 0);
      double y = d.y(i);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double slope = (d.n() * sxy - sx * sy) / (d.n() * sxx - sx * sx);
    double intercept = (sy - slope * sx) / d.n();
    assertThat(slope).isCloseTo(-20, within(0.3));
    assertThat(intercept).isCloseTo(-10, within(0.2));
  }

  @Test
  void xorLabelsAreOneWhereTheQuadrantSignsDiffer() {
    ToyData d = ToyGenerators.xor(400, 0.1, 2);
    for (int i = 0; i < d.n(); i++) {
      boolean differ = Math.signum(d.x(i, 0)) != Math.signum(d.x(i, 1));
      assertThat(d.y(i)).isEqualTo(differ ? 1f : 0f);
    }
  }

  @Test
  void generatorsAreSeededAndBlobsBalanced() {
    assertThat(ToyGenerators.twoBlobs(100, 0.5, 3).x())
        .isEqualTo(ToyGenerators.twoBlobs(100, 0.5, 3).x());
    assertThat(ToyGenerators.twoBlobs(100, 0.5, 3).x())
        .isNotEqualTo(ToyGenerators.twoBlobs(100, 0.5, 4).x());
    ToyData blobs = ToyGenerators.twoBlobs(100, 0.5, 3);
    double ones = 0;
    for (int i = 0; i < blobs.n(); i++) {
      ones += blobs.y(i);
    }
    assertThat(ones).isEqualTo(50);
  }
}
