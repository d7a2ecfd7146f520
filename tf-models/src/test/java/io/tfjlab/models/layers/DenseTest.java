package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.fetch;
import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.LayerTestSupport.Out;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class DenseTest {
  static final int IN = 3;
  static final int UNITS = 4;
  static final int BATCH = 5;

  @ParameterizedTest
  @EnumSource(
      value = Activation.class,
      names = {"LINEAR", "RELU", "TANH"})
  void outputIsActivationOfXTimesWPlusB(Activation act) {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 11);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(ctx, IN);
      Dense dense = new Dense(UNITS, act);
      Operand<TFloat32> y = dense.apply(ctx, x, new long[] {IN});
      Variable<TFloat32> w = dense.kernels().get(0);
      Variable<TFloat32> b = dense.trainableVariables().get(1);
      assertThat(w.shape().asArray()).containsExactly(IN, UNITS);
      assertThat(b.shape().asArray()).containsExactly(UNITS);
      try (Session s = session(g)) {
        // a non-zero bias, so that a missing bias add would show
        s.run(tf.assign(b, tf.constant(new float[] {0.5f, -1f, 0.25f, 2f})));
        float[] wv = fetch(s, w);
        float[] bv = fetch(s, b);
        assertThat(bv).containsExactly(0.5f, -1f, 0.25f, 2f);
        float[] xv = random(3, BATCH * IN, -1, 1);
        Out out = run(s, y, x, xv, BATCH, IN);
        assertThat(out.shape()).containsExactly(BATCH, UNITS);
        for (int n = 0; n < BATCH; n++) {
          for (int u = 0; u < UNITS; u++) {
            double z = bv[u];
            for (int i = 0; i < IN; i++) {
              z += xv[n * IN + i] * wv[i * UNITS + u];
            }
            double expected =
                switch (act) {
                  case RELU -> Math.max(0, z);
                  case TANH -> Math.tanh(z);
                  default -> z;
                };
            assertThat(out.values()[n * UNITS + u])
                .as("sample %d unit %d", n, u)
                .isCloseTo((float) expected, within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void parameterCountIsInTimesOutPlusOut() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Dense dense = new Dense(10, Activation.SOFTMAX);
      dense.apply(ctx, input(ctx, 784), new long[] {784});
      assertThat(dense.trainableParameters()).isEqualTo(784 * 10 + 10);
      assertThat(dense.nonTrainableParameters()).isZero();
      assertThat(dense.kernels()).hasSize(1);
      assertThat(dense.outputShape(new long[] {784})).containsExactly(10);
      assertThat(dense.type()).isEqualTo("Dense");
    }
  }

  @Test
  void applyingTwiceReusesTheVariablesAndNamesAreUnique() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 4);
      Dense a = new Dense(3, Activation.LINEAR);
      Dense b = new Dense(3, Activation.LINEAR);
      Operand<TFloat32> y1 = a.apply(ctx, x, new long[] {4});
      Operand<TFloat32> y2 = a.apply(ctx, x, new long[] {4});
      b.apply(ctx, x, new long[] {4});
      assertThat(a.trainableVariables()).hasSize(2);
      assertThat(a.name()).isEqualTo("dense");
      assertThat(b.name()).isEqualTo("dense_1");
      assertThat(a.kernels().get(0).op().name()).isEqualTo("dense/kernel");
      try (Session s = session(g)) {
        float[] xv = random(5, 8, -1, 1);
        assertThat(run(s, y2, x, xv, 2, 4).values())
            .containsExactly(run(s, y1, x, xv, 2, 4).values());
      }
    }
  }

  @Test
  void rejectsANonFlatInputMentioningFlatten() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 2, 2);
      Dense dense = new Dense(3, Activation.RELU);
      assertThatThrownBy(() -> dense.apply(ctx, x, new long[] {2, 2}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Flatten")
          .hasMessageContaining("[2, 2]");
    }
    assertThatThrownBy(() -> new Dense(0, Activation.RELU)).hasMessageContaining("units");
  }
}
