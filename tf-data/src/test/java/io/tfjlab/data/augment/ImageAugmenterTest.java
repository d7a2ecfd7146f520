package io.tfjlab.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.data.ImageShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {
  final ImageShape shape = new ImageShape(9, 9, 1);

  float[] dot() {
    float[] img = new float[81];
    img[4 * 9 + 4] = 1f;
    return img;
  }

  @Test
  void zeroSettingsLeaveTheImageAsItIs() {
    float[] out = new float[81];
    new ImageAugmenter(new AugmentSpec(0, 0, 0, 0), shape)
        .apply(dot(), 0, out, 0, new SplittableRandom(1));
    assertThat(out).containsExactly(dot());
  }

  @Test
  void aPureShiftMovesTheCentreDot() {
    // shift 0.2 of 9 pixels: up to 1.8 pixels; find where the mass went
    float[] out = new float[81];
    new ImageAugmenter(new AugmentSpec(0, 0, 0.2, 0), shape)
        .apply(dot(), 0, out, 0, new SplittableRandom(3));
    double mass = 0;
    double cx = 0;
    for (int y = 0; y < 9; y++) {
      for (int x = 0; x < 9; x++) {
        mass += out[y * 9 + x];
        cx += x * out[y * 9 + x];
      }
    }
    assertThat(mass).isCloseTo(1.0, within(1e-4));
    assertThat(Math.abs(cx / mass - 4)).isGreaterThan(0.01);
  }

  @Test
  void outputStaysInUnitRangeAndIsReproducible() {
    AugmentSpec spec = new AugmentSpec(30, 0.2, 0.1, 0.5);
    float[] a = new float[81];
    float[] b = new float[81];
    new ImageAugmenter(spec, shape).apply(dot(), 0, a, 0, new SplittableRandom(5));
    new ImageAugmenter(spec, shape).apply(dot(), 0, b, 0, new SplittableRandom(5));
    assertThat(a).containsExactly(b);
    for (float v : a) {
      assertThat(v).isBetween(0f, 1f);
    }
  }

  @Test
  void settingsOutOfRangeAreRejectedWithTheirName() {
    assertThatThrownBy(() -> new AugmentSpec(10, 2, 0, 0)).hasMessageContaining("augment.zoom");
  }
}
