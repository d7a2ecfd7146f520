package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static io.tfjlab.models.layers.LayerTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@link ConvBias} computes the same output, input gradient and kernel gradient bits as {@code
 * Conv2D + BiasAdd} with TensorFlow's own gradients, and a bias gradient equal up to rounding; the
 * convolution layers build it on CPU graphs.
 */
class ConvBiasTest {
  /** Output and the gradients of sum(out · weights) w.r.t. x, kernel and bias. */
  private static List<float[]> outputAndGradients(
      long[] xShape,
      long[] kShape,
      int units,
      BiFunction<Ops, Operand<TFloat32>[], Operand<TFloat32>> layer) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      @SuppressWarnings("unchecked")
      Operand<TFloat32>[] in = new Operand[3];
      in[0] = constant(tf, 1, xShape, -1f, 1f);
      in[1] = constant(tf, 2, kShape, -0.5f, 0.5f);
      in[2] = constant(tf, 3, new long[] {units}, -0.3f, 0.3f);
      Operand<TFloat32> out = layer.apply(tf, in);
      long n = 1;
      for (long d : out.shape().asArray()) {
        n *= d;
      }
      // a loss whose gradient is not all ones
      Operand<TFloat32> weights = constant(tf, 4, out.shape().asArray(), -2f, 2f);
      assertThat(n).isGreaterThan(0);
      Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(out, weights), tf.constant(new int[0]));
      var grads = tf.gradients(loss, List.of(in[0], in[1], in[2]));
      try (Session s = session(g)) {
        Session.Runner r = s.runner().fetch(out);
        for (int i = 0; i < 3; i++) {
          r.fetch(grads.dy(i));
        }
        try (Result res = r.run()) {
          List<float[]> v = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            v.add(values(res.get(i)));
          }
          return v;
        }
      }
    }
  }

  private static Operand<TFloat32> constant(Ops tf, long seed, long[] shape, float lo, float hi) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return tf.constant(
        Shape.of(shape),
        org.tensorflow.ndarray.buffer.DataBuffers.of(random(seed, (int) n, lo, hi), true, false));
  }

  private static void assertSameUpToTheBiasSum(List<float[]> ours, List<float[]> theirs) {
    for (int i = 0; i < 3; i++) {
      assertThat(ours.get(i)).as("output / gradient %d", i).containsExactly(theirs.get(i));
    }
    float[] b = theirs.get(3);
    for (int j = 0; j < b.length; j++) {
      assertThat(ours.get(3)[j])
          .as("bias gradient %d", j)
          .isCloseTo(b[j], within(1e-5f * (1 + Math.abs(b[j]))));
    }
    assertThat(b).as("a gradient that is not all zeros").isNotEqualTo(new float[b.length]);
  }

  @Test
  void theConvolutionWithBiasEqualsConv2DBiasAddForwardAndBackward() {
    long[] x = {2, 9, 9, 3};
    long[] k = {3, 3, 3, 4};
    for (String padding : List.of("VALID", "SAME")) {
      for (long stride : new long[] {1, 2}) {
        List<float[]> fused =
            outputAndGradients(
                x,
                k,
                4,
                (tf, in) ->
                    ConvBias.conv2d(
                        tf, in[0], in[1], in[2], new long[] {1, stride, stride, 1}, padding));
        List<float[]> separate =
            outputAndGradients(
                x,
                k,
                4,
                (tf, in) ->
                    tf.nn.biasAdd(
                        tf.nn.conv2d(in[0], in[1], List.of(1L, stride, stride, 1L), padding),
                        in[2]));
        assertSameUpToTheBiasSum(fused, separate);
      }
    }
  }

  @Test
  void theConvolutionLayersBuildItOnCpuGraphs() {
    assertThat(opTypes(new Conv2D(4, 3, 1, Padding.VALID, Activation.RELU), 5, 5, 2))
        .contains(ConvBias.OP, "Relu")
        .doesNotContain("Conv2D", "BiasAdd");
    assertThat(opTypes(new Conv2D(4, 3, 1, Padding.VALID, Activation.LINEAR, false), 5, 5, 2))
        .as("no bias: a plain convolution")
        .contains("Conv2D")
        .doesNotContain(ConvBias.OP);
    assertThat(opTypes(new WeightNormConv2D(4, 3, 1, Padding.SAME, Activation.LINEAR), 5, 5, 2))
        .contains(ConvBias.OP);
    assertThat(ConvBias.available(true)).as("GPU graphs keep Conv2D + BiasAdd").isFalse();
  }

  private static List<String> opTypes(Layer layer, long... in) {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      layer.apply(ctx, LayerTestSupport.input(ctx, in), in);
      List<String> types = new ArrayList<>();
      g.operations().forEachRemaining(op -> types.add(((GraphOperation) op).type()));
      return types;
    }
  }
}
