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
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class Conv1DAndPoolTest {

  @Test
  void uspsStyleConv1DThenPool1D() {
    long[] in = {256, 1};
    Conv1D conv = new Conv1D(32, 3, 1, Padding.VALID, Activation.RELU);
    MaxPool pool = MaxPool.pool1d(2);
    assertThat(conv.outputShape(in)).containsExactly(254, 32);
    assertThat(pool.outputShape(conv.outputShape(in))).containsExactly(127, 32);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 5);
      Placeholder<TFloat32> x = input(ctx, in);
      Operand<TFloat32> c = conv.apply(ctx, x, in);
      Operand<TFloat32> p = pool.apply(ctx, c, conv.outputShape(in));
      assertThat(conv.trainableParameters()).isEqualTo(3 * 1 * 32 + 32);
      assertThat(pool.trainableParameters()).isZero();
      assertThat(conv.type()).isEqualTo("Conv1D");
      assertThat(pool.type()).isEqualTo("MaxPooling1D");
      assertThat(pool.name()).isEqualTo("max_pooling1d");
      try (Session s = session(g)) {
        float[] xv = random(1, 2 * 256, 0, 1);
        assertThat(run(s, c, x, xv, 2, 256, 1).shape()).containsExactly(2, 254, 32);
        assertThat(run(s, p, x, xv, 2, 256, 1).shape()).containsExactly(2, 127, 32);
      }
    }
  }

  @Test
  void conv1DValuesAreTheSlidingDotProduct() {
    int len = 6;
    int ch = 2;
    int filters = 3;
    int k = 3;
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 6);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(ctx, len, ch);
      Conv1D conv = new Conv1D(filters, k, 1, Padding.VALID, Activation.LINEAR);
      Operand<TFloat32> y = conv.apply(ctx, x, new long[] {len, ch});
      Variable<TFloat32> bias = conv.trainableVariables().get(1);
      try (Session s = session(g)) {
        s.run(tf.assign(bias, tf.constant(new float[] {0.1f, -0.2f, 0.3f})));
        float[] kv = fetch(s, conv.kernels().get(0)); // [1, k, ch, filters]
        float[] bv = {0.1f, -0.2f, 0.3f};
        float[] xv = random(4, 2 * len * ch, -1, 1);
        Out out = run(s, y, x, xv, 2, len, ch);
        int outLen = len - k + 1;
        assertThat(out.shape()).containsExactly(2, outLen, filters);
        for (int n = 0; n < 2; n++) {
          for (int i = 0; i < outLen; i++) {
            for (int f = 0; f < filters; f++) {
              double z = bv[f];
              for (int j = 0; j < k; j++) {
                for (int c = 0; c < ch; c++) {
                  z += xv[(n * len + i + j) * ch + c] * kv[(j * ch + c) * filters + f];
                }
              }
              assertThat(out.values()[(n * outLen + i) * filters + f])
                  .isCloseTo((float) z, within(1e-5f));
            }
          }
        }
      }
    }
  }

  @Test
  void conv1DStridedSameShape() {
    long[] in = {9, 2};
    Conv1D conv = new Conv1D(4, 3, 2, Padding.SAME, Activation.RELU);
    assertThat(conv.outputShape(in)).containsExactly(5, 4);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 6);
      Placeholder<TFloat32> x = input(ctx, in);
      Operand<TFloat32> y = conv.apply(ctx, x, in);
      try (Session s = session(g)) {
        assertThat(run(s, y, x, random(1, 3 * 18, -1, 1), 3, 9, 2).shape())
            .containsExactly(3, 5, 4);
      }
    }
  }

  @Test
  void pool1DTakesTheMaximumOfEachPairPerChannel() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 5, 2);
      MaxPool pool = MaxPool.pool1d(2);
      Operand<TFloat32> y = pool.apply(ctx, x, new long[] {5, 2});
      try (Session s = session(g)) {
        // channel 0: 1 3 2 5 9 ; channel 1: -1 -3 0 -5 7 (the odd last step is dropped: VALID)
        float[] xv = {1, -1, 3, -3, 2, 0, 5, -5, 9, 7};
        Out out = run(s, y, x, xv, 1, 5, 2);
        assertThat(out.shape()).containsExactly(1, 2, 2);
        assertThat(out.values()).containsExactly(3, -1, 5, 0);
      }
    }
  }

  @Test
  void pool2DTakesTheMaximumOfEachWindow() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 4, 4, 1);
      MaxPool pool = MaxPool.pool2d(2);
      assertThat(pool.outputShape(new long[] {24, 24, 64})).containsExactly(12, 12, 64);
      Operand<TFloat32> y = pool.apply(ctx, x, new long[] {4, 4, 1});
      try (Session s = session(g)) {
        float[] xv = {
          1, 2, 5, 0,
          3, 4, 6, 7,
          -1, -2, 8, 8,
          -3, -4, 9, 1
        };
        Out out = run(s, y, x, xv, 1, 4, 4, 1);
        assertThat(out.shape()).containsExactly(1, 2, 2, 1);
        assertThat(out.values()).containsExactly(4, 7, -1, 9);
      }
    }
  }

  @Test
  void wrongRanksAreRejected() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Conv1D conv = new Conv1D(4, 3, 1, Padding.VALID, Activation.RELU);
      assertThatThrownBy(() -> conv.apply(ctx, input(ctx, 256), new long[] {256}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Reshape");
      MaxPool p1 = MaxPool.pool1d(2);
      assertThatThrownBy(() -> p1.apply(ctx, input(ctx, 4, 4, 1), new long[] {4, 4, 1}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MaxPooling1D");
      MaxPool p2 = MaxPool.pool2d(2);
      assertThatThrownBy(() -> p2.apply(ctx, input(ctx, 8, 2), new long[] {8, 2}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MaxPooling2D");
    }
  }
}
