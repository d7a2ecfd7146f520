package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.randomOutput;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class GaussianNoiseTest {
  static final int N = 10_000;
  static final float[] X = random(23, N, -1, 1);

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.3})
  void identityAtInferenceAndNoiseOfTheGivenStdInTraining(double std) {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, N);
      GaussianNoise layer = new GaussianNoise(std);
      Operand<TFloat32> y = layer.apply(ctx, x, new long[] {N});
      assertThat(layer.trainableParameters()).isZero();
      try (Session s = session(g)) {
        assertThat(run(s, y, x, X, 1, N).values()).containsExactly(X);
        assertThat(run(s, y, x, X, new long[] {1, N}, false, new long[] {1, 2}).values())
            .containsExactly(X);

        float[] out = run(s, y, x, X, new long[] {1, N}, true, new long[] {1, 2}).values();
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < N; i++) {
          double d = out[i] - X[i];
          sum += d;
          sq += d * d;
        }
        double mean = sum / N;
        double sd = Math.sqrt(sq / N - mean * mean);
        // the sample std of 10,000 normals is within ~0.7% (1 sigma) of the true one; allow 5%
        assertThat(sd).isCloseTo(std, within(0.05 * std));
        assertThat(mean).isCloseTo(0.0, within(0.05 * std));

        float[] again = run(s, y, x, X, new long[] {1, N}, true, new long[] {1, 2}).values();
        float[] other = run(s, y, x, X, new long[] {1, N}, true, new long[] {1, 3}).values();
        assertThat(again).isEqualTo(out);
        assertThat(other).isNotEqualTo(out);
      }
    }
  }

  @Test
  void inferenceDrawsOneRowAndTrainingAddsTheDrawOfTheInputsShape() {
    int rows = 3;
    int cols = 1_000;
    float[] data = random(5, rows * cols, -1, 1);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, cols);
      Operand<TFloat32> y = new GaussianNoise(0.3).apply(ctx, x, new long[] {cols});
      Operand<TFloat32> draw = randomOutput(g, "StatelessRandomNormal");
      // the plain formula, drawn with the same op seed: x + N(shape(x)) * stddev
      Ops tf = ctx.tf();
      Operand<TFloat32> plain =
          tf.math.add(
              x,
              tf.math.mul(
                  tf.random.statelessRandomNormal(
                      tf.shape(x),
                      tf.math.add(ctx.stepSeed(), tf.constant(new long[] {0L, 1_000_003L})),
                      TFloat32.class),
                  tf.constant(0.3f)));
      try (Session s = session(g)) {
        long[] shape = {rows, cols};
        assertThat(run(s, y, x, data, shape, false, new long[] {1, 2}).values())
            .containsExactly(data);
        assertThat(run(s, draw, x, data, shape, false, new long[] {1, 2}).shape())
            .as("inference draws one row")
            .containsExactly(1, cols);
        assertThat(run(s, draw, x, data, shape, true, new long[] {1, 2}).shape())
            .containsExactly(rows, cols);
        float[] out = run(s, y, x, data, shape, true, new long[] {1, 2}).values();
        float[] expected = run(s, plain, x, data, shape, true, new long[] {1, 2}).values();
        assertThat(out).as("bit for bit the plain formula").containsExactly(expected);
      }
    }
  }

  @Test
  void negativeStdIsRejected() {
    assertThatThrownBy(() -> new GaussianNoise(-1)).hasMessageContaining(">= 0");
  }
}
