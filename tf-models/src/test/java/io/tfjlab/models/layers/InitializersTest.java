package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.fetch;
import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class InitializersTest {
  static final double TRUNCATED_STD = 0.87962566103423978;

  /** Evaluates an initialiser in a fresh graph. */
  static float[] draw(Function<Ops, Operand<TFloat32>> init) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> op = init.apply(tf);
      try (Session s = session(g)) {
        return fetch(s, op);
      }
    }
  }

  /** Checks U(-limit, limit): bounds, both signs, centred, spread over the whole interval. */
  static void assertSymmetricUniform(float[] v, double limit) {
    double sum = 0;
    int positive = 0;
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float f : v) {
      sum += f;
      positive += f > 0 ? 1 : 0;
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    assertThat(min)
        .as("min")
        .isGreaterThanOrEqualTo((float) -limit)
        .isLessThan((float) (-0.9 * limit));
    assertThat(max)
        .as("max")
        .isLessThanOrEqualTo((float) limit)
        .isGreaterThan((float) (0.9 * limit));
    assertThat(sum / v.length).as("mean").isCloseTo(0.0, within(0.05 * limit));
    assertThat(positive / (double) v.length).as("fraction positive").isCloseTo(0.5, within(0.05));
  }

  @Test
  void fansFollowKeras() {
    assertThat(Initializers.fans(new long[] {784, 128})).containsExactly(784, 128);
    assertThat(Initializers.fans(new long[] {3, 3, 16, 32})).containsExactly(144, 288);
    assertThat(Initializers.fans(new long[] {1, 3, 1, 32})).containsExactly(3, 96);
  }

  @Test
  void glorotUniformIsSymmetricWithinTheGlorotLimit() {
    long[] dims = {50, 40};
    float[] v = draw(tf -> Initializers.glorotUniform(tf, dims, 123));
    assertThat(v).hasSize(2000);
    assertSymmetricUniform(v, Math.sqrt(6.0 / (50 + 40)));
    // variance of U(-l, l) is l^2 / 3 = 2 / (fan_in + fan_out)
    double sq = 0;
    for (float f : v) {
      sq += f * f;
    }
    assertThat(sq / v.length).isCloseTo(2.0 / 90, within(0.1 * 2.0 / 90));
  }

  @Test
  void glorotUniformOfAConvKernelUsesTheReceptiveField() {
    long[] dims = {3, 3, 16, 32};
    float[] v = draw(tf -> Initializers.glorotUniform(tf, dims, 7));
    assertSymmetricUniform(v, Math.sqrt(6.0 / (144 + 288)));
  }

  @Test
  void sameSeedSameValuesOtherSeedOtherValues() {
    long[] dims = {20, 10};
    float[] a = draw(tf -> Initializers.glorotUniform(tf, dims, 42));
    assertThat(draw(tf -> Initializers.glorotUniform(tf, dims, 42))).isEqualTo(a);
    assertThat(draw(tf -> Initializers.glorotUniform(tf, dims, 43))).isNotEqualTo(a);
    float[] n = draw(tf -> Initializers.heNormal(tf, dims, 42));
    assertThat(draw(tf -> Initializers.heNormal(tf, dims, 42))).isEqualTo(n);
  }

  @Test
  void heUniformLimitIsSqrtSixOverFanIn() {
    float[] v = draw(tf -> Initializers.heUniform(tf, new long[] {100, 50}, 5));
    assertSymmetricUniform(v, Math.sqrt(6.0 / 100));
  }

  @Test
  void heNormalIsTruncatedWithStdSqrtTwoOverFanIn() {
    long[] dims = {200, 50};
    float[] v = draw(tf -> Initializers.heNormal(tf, dims, 9));
    double std = Math.sqrt(2.0 / 200);
    double bound = 2 * std / TRUNCATED_STD;
    double sum = 0;
    double sq = 0;
    int positive = 0;
    for (float f : v) {
      assertThat(Math.abs(f)).isLessThanOrEqualTo((float) bound * 1.0001f);
      sum += f;
      sq += f * f;
      positive += f > 0 ? 1 : 0;
    }
    double mean = sum / v.length;
    assertThat(mean).isCloseTo(0.0, within(0.05 * std));
    assertThat(Math.sqrt(sq / v.length - mean * mean)).isCloseTo(std, within(0.03 * std));
    assertThat(positive / (double) v.length).isCloseTo(0.5, within(0.03));
  }

  @Test
  void layerKernelsAreGlorotSymmetricAndDistinctPerLayer() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 3);
      Dense a = new Dense(64, Activation.RELU);
      Dense b = new Dense(64, Activation.RELU);
      a.apply(ctx, input(ctx, 128), new long[] {128});
      b.apply(ctx, input(ctx, 128), new long[] {128});
      try (Session s = session(g)) {
        float[] ka = fetch(s, a.kernels().get(0));
        float[] kb = fetch(s, b.kernels().get(0));
        assertSymmetricUniform(ka, Math.sqrt(6.0 / (128 + 64)));
        assertThat(kb).isNotEqualTo(ka);
        assertThat(fetch(s, a.trainableVariables().get(1))).containsOnly(0f);
      }
    }
  }
}
