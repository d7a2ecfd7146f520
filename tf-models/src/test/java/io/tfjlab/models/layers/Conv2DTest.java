package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.fetch;
import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static io.tfjlab.models.layers.LayerTestSupport.withBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.LayerTestSupport.Out;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class Conv2DTest {

  @ParameterizedTest(name = "{0}x{1}x{2} conv {4}x{4}/{5} {6} {3} -> {7}x{8}")
  @CsvSource({
    "28, 28, 1, 32, 3, 2, SAME, 14, 14",
    "28, 28, 1, 32, 5, 1, VALID, 24, 24",
    "28, 28, 1, 8, 3, 1, SAME, 28, 28",
    "7, 7, 4, 6, 3, 2, SAME, 4, 4",
    "28, 28, 1, 4, 5, 2, VALID, 12, 12",
    "9, 6, 2, 3, 3, 2, VALID, 4, 2",
  })
  void outputShapeMatchesTheRuntimeShape(
      int h, int w, int c, int filters, int k, int stride, Padding padding, long oh, long ow) {
    long[] in = {h, w, c};
    Conv2D conv = new Conv2D(filters, k, stride, padding, Activation.RELU);
    assertThat(conv.outputShape(in)).containsExactly(oh, ow, filters);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 3);
      Placeholder<TFloat32> x = input(ctx, in);
      Operand<TFloat32> y = conv.apply(ctx, x, in);
      try (Session s = session(g)) {
        Out out = run(s, y, x, random(1, (int) (2 * Shapes.size(in)), 0, 1), withBatch(2, in));
        assertThat(out.shape()).containsExactly(withBatch(2, conv.outputShape(in)));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 1, 32, true, 832", "3, 32, 64, true, 18496", "3, 64, 128, false, 73728"})
  void parameterCountIsKernelPlusBias(int k, int in, int out, boolean bias, long expected) {
    assertThat(expected).isEqualTo((long) k * k * in * out + (bias ? out : 0));
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Conv2D conv = new Conv2D(out, k, 1, Padding.SAME, Activation.LINEAR, bias);
      conv.apply(ctx, input(ctx, 8, 8, in), new long[] {8, 8, in});
      assertThat(conv.trainableParameters()).isEqualTo(expected);
      assertThat(conv.nonTrainableParameters()).isZero();
      assertThat(conv.kernels()).hasSize(1);
      assertThat(conv.kernels().get(0).shape().asArray()).containsExactly(k, k, in, out);
    }
  }

  @Test
  void valuesAreTheCorrelationWithTheKernelPlusBias() {
    // 3x3x2 input, one 3x3 VALID filter: a single output = sum(x * k) + b
    long[] in = {3, 3, 2};
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 9);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(ctx, in);
      Conv2D conv = new Conv2D(1, 3, 1, Padding.VALID, Activation.LINEAR);
      Operand<TFloat32> y = conv.apply(ctx, x, in);
      Variable<TFloat32> b = conv.trainableVariables().get(1);
      try (Session s = session(g)) {
        s.run(tf.assign(b, tf.constant(new float[] {0.75f})));
        float[] k =
            fetch(s, conv.kernels().get(0)); // [kh, kw, in, out=1] = same order as [h, w, c]
        float[] xv = random(2, 18, -1, 1);
        double expected = 0.75;
        for (int i = 0; i < 18; i++) {
          expected += xv[i] * k[i];
        }
        Out out = run(s, y, x, xv, 1, 3, 3, 2);
        assertThat(out.shape()).containsExactly(1, 1, 1, 1);
        assertThat(out.values()[0]).isCloseTo((float) expected, within(1e-5f));
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new Conv2D(0, 3, 1, Padding.SAME, Activation.RELU))
        .hasMessageContaining("> 0");
    assertThatThrownBy(() -> new Conv2D(4, 3, 0, Padding.SAME, Activation.RELU))
        .hasMessageContaining("> 0");
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Conv2D conv = new Conv2D(4, 3, 1, Padding.SAME, Activation.RELU);
      assertThatThrownBy(() -> conv.apply(ctx, input(ctx, 784), new long[] {784}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("HxWxC");
    }
  }
}
