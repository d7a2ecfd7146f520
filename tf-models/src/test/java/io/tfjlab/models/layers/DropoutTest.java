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
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class DropoutTest {
  static final int N = 10_000;

  /** Strictly positive inputs, so a zero in the output can only come from the mask. */
  static final float[] X = random(17, N, 0.5f, 1.5f);

  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.5})
  void inferenceIsIdentityAndTrainingDropsAboutRateAndRescales(double rate) {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, N);
      Operand<TFloat32> y = new Dropout(rate).apply(ctx, x, new long[] {N});
      try (Session s = session(g)) {
        assertThat(run(s, y, x, X, 1, N).values()).as("default (inference)").containsExactly(X);
        assertThat(run(s, y, x, X, new long[] {1, N}, false, new long[] {3, 4}).values())
            .as("training=false")
            .containsExactly(X);

        float[] out = run(s, y, x, X, new long[] {1, N}, true, new long[] {3, 4}).values();
        int zeros = 0;
        double sumIn = 0;
        double sumOut = 0;
        float scale = 1f / (1f - (float) rate);
        for (int i = 0; i < N; i++) {
          sumIn += X[i];
          sumOut += out[i];
          if (out[i] == 0f) {
            zeros++;
          } else {
            assertThat(out[i]).as("kept value %d", i).isCloseTo(X[i] * scale, within(1e-5f));
          }
        }
        // binomial std of the dropped fraction is sqrt(r(1-r)/N) <= 0.005; allow 4 sigma
        assertThat(zeros / (double) N).isCloseTo(rate, within(0.02));
        assertThat(sumOut / sumIn).as("mean preserved").isCloseTo(1.0, within(0.03));
      }
    }
  }

  @Test
  void inferenceOfABatchIsIdentityFromOneDrawnRowAndNanStaysNan() {
    int rows = 3;
    float[] data = random(9, rows * N, 0.5f, 1.5f);
    data[7] = Float.NaN;
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, N);
      Operand<TFloat32> y = new Dropout(0.5).apply(ctx, x, new long[] {N});
      Operand<TFloat32> draw = randomOutput(g, "StatelessRandomUniform");
      try (Session s = session(g)) {
        long[] shape = {rows, N};
        assertThat(run(s, y, x, data, shape, false, new long[] {3, 4}).values())
            .containsExactly(data);
        assertThat(run(s, draw, x, data, shape, false, new long[] {3, 4}).shape())
            .containsExactly(1, N);
        float[] out = run(s, y, x, data, shape, true, new long[] {3, 4}).values();
        assertThat(out[7]).as("a NaN input stays NaN, kept or dropped").isNaN();
        float[] u = run(s, draw, x, data, shape, true, new long[] {3, 4}).values();
        assertThat(u).hasSize(rows * N);
        for (int i = 8; i < rows * N; i++) {
          assertThat(out[i]).isEqualTo(u[i] >= 0.5f ? data[i] * 2f : 0f);
        }
      }
    }
  }

  @Test
  void sameStepSeedSameMaskOtherSeedOtherMask() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, N);
      Operand<TFloat32> y = new Dropout(0.5).apply(ctx, x, new long[] {N});
      try (Session s = session(g)) {
        float[] a = mask(run(s, y, x, X, new long[] {1, N}, true, new long[] {7, 1}).values());
        float[] b = mask(run(s, y, x, X, new long[] {1, N}, true, new long[] {7, 1}).values());
        float[] c = mask(run(s, y, x, X, new long[] {1, N}, true, new long[] {7, 2}).values());
        float[] d = mask(run(s, y, x, X, new long[] {1, N}, true, new long[] {8, 1}).values());
        assertThat(b).isEqualTo(a);
        assertThat(agreement(a, c)).as("next step").isLessThan(0.6);
        assertThat(agreement(a, d)).as("other run seed").isLessThan(0.6);
      }
    }
    // and a fresh graph replays the same mask for the same step seed
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 99);
      Placeholder<TFloat32> x = input(ctx, N);
      Operand<TFloat32> y = new Dropout(0.5).apply(ctx, x, new long[] {N});
      try (Session s = session(g)) {
        float[] again = mask(run(s, y, x, X, new long[] {1, N}, true, new long[] {7, 1}).values());
        try (Graph g2 = new Graph()) {
          ModelContext ctx2 = new ModelContext(g2, 5);
          Placeholder<TFloat32> x2 = input(ctx2, N);
          Operand<TFloat32> y2 = new Dropout(0.5).apply(ctx2, x2, new long[] {N});
          try (Session s2 = session(g2)) {
            assertThat(
                    mask(run(s2, y2, x2, X, new long[] {1, N}, true, new long[] {7, 1}).values()))
                .isEqualTo(again);
          }
        }
      }
    }
  }

  @Test
  void twoDropoutLayersInOneGraphDrawDifferentMasks() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, N);
      Operand<TFloat32> y1 = new Dropout(0.5).apply(ctx, x, new long[] {N});
      Operand<TFloat32> y2 = new Dropout(0.5).apply(ctx, x, new long[] {N});
      try (Session s = session(g)) {
        float[] a = mask(run(s, y1, x, X, new long[] {1, N}, true, new long[] {7, 1}).values());
        float[] b = mask(run(s, y2, x, X, new long[] {1, N}, true, new long[] {7, 1}).values());
        assertThat(agreement(a, b)).isLessThan(0.6);
      }
    }
  }

  @Test
  void rateZeroIsIdentityAndRatesOutsideZeroOneAreRejected() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 4);
      Dropout d = new Dropout(0);
      assertThat(d.apply(ctx, x, new long[] {4})).isSameAs(x);
      assertThat(d.outputShape(new long[] {4})).containsExactly(4);
      assertThat(d.trainableParameters()).isZero();
    }
    assertThatThrownBy(() -> new Dropout(1.0)).hasMessageContaining("[0, 1)");
    assertThatThrownBy(() -> new Dropout(-0.1)).hasMessageContaining("[0, 1)");
  }

  static float[] mask(float[] out) {
    float[] m = new float[out.length];
    for (int i = 0; i < out.length; i++) {
      m[i] = out[i] == 0f ? 0f : 1f;
    }
    return m;
  }

  /** Fraction of positions where two masks agree: about 0.5 for independent rate-0.5 masks. */
  static double agreement(float[] a, float[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) a.length;
  }
}
