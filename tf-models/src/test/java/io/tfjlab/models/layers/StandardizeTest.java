package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.fetch;
import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.LayerTestSupport.Out;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class StandardizeTest {
  static final float[] MEAN = {0.1f, 0.5f, 0f, 0.9f};
  static final float[] STD = {0.2f, 0f, 1f, 0.05f};
  static final float EPS = Standardize.SEED003_EPSILON;

  @Test
  void outputIsXMinusMeanOverStdPlusEpsilon() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 2, 2, 1);
      Standardize st = new Standardize(MEAN, STD, EPS);
      Operand<TFloat32> y = st.apply(ctx, x, new long[] {2, 2, 1});
      assertThat(st.outputShape(new long[] {2, 2, 1})).containsExactly(2, 2, 1);
      float[] xv = {0f, 1f, 0.5f, 0.25f, 1f, 0.5f, 0f, 0.9f};
      try (Session s = session(g)) {
        Out out = run(s, y, x, xv, 2, 2, 2, 1);
        assertThat(out.shape()).containsExactly(2, 2, 2, 1);
        float[] expected = new float[xv.length];
        for (int i = 0; i < xv.length; i++) {
          expected[i] = (xv[i] - MEAN[i % 4]) / (STD[i % 4] + EPS);
        }
        assertThat(out.values()).containsExactly(expected);
        assertThat(fetch(s, st.nonTrainableVariables().get(0))).containsExactly(MEAN);
      }
    }
  }

  @Test
  void itsTwoVariablesAreNonTrainable() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Standardize st = new Standardize(MEAN, STD, EPS);
      st.apply(ctx, input(ctx, 4), new long[] {4});
      assertThat(st.trainableVariables()).isEmpty();
      assertThat(st.kernels()).isEmpty();
      assertThat(st.nonTrainableVariables()).hasSize(2);
      assertThat(st.nonTrainableParameters()).isEqualTo(8);
      assertThat(st.nonTrainableVariables().get(0).op().name()).isEqualTo("standardize/mean");
      assertThat(st.nonTrainableVariables().get(1).op().name())
          .isEqualTo("standardize/denominator");
    }
  }

  @Test
  void theStatisticsAreCopied() {
    float[] mean = MEAN.clone();
    Standardize st = new Standardize(mean, STD, EPS);
    mean[0] = 100f;
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      st.apply(ctx, input(ctx, 4), new long[] {4});
      try (Session s = session(g)) {
        assertThat(fetch(s, st.nonTrainableVariables().get(0))).containsExactly(MEAN);
      }
    }
  }

  @Test
  void sizeMismatchesAreRejected() {
    assertThatThrownBy(() -> new Standardize(new float[3], new float[4], EPS))
        .hasMessageContaining("differ");
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Standardize st = new Standardize(MEAN, STD, EPS);
      assertThatThrownBy(() -> st.apply(ctx, input(ctx, 3, 3), new long[] {3, 3}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("4 values")
          .hasMessageContaining("9");
    }
  }
}
