package io.tfjlab.training.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * The FLOP counter on tiny graphs whose FLOPs are counted by hand: a dense layer and a convolution,
 * each with the gradients of a training step.
 */
class FlopCounterTest {
  private static final RunOptions TRACE =
      RunOptions.newBuilder()
          .setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
          .setOutputPartitionGraphs(true)
          .build();

  /**
   * x [4,6] · W [6,3]: forward 2·4·6·3 = 144; dW = xᵀ·dy [6,3] with k = 4: 144; dx = dy·Wᵀ [4,6]
   * with k = 3: 144 (asked for here): 432 FLOPs.
   */
  @Test
  void denseLayerForwardAndBothGradients() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x =
          tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(4, 6)));
      var w = tf.variable(tf.fill(tf.constant(new long[] {6, 3}), tf.constant(0.1f)));
      Operand<TFloat32> wr = tf.identity(w);
      Operand<TFloat32> y = tf.linalg.matMul(x, wr);
      Operand<TFloat32> loss = tf.sum(tf.math.square(y), tf.constant(new int[] {0, 1}));
      Output<?>[] grads =
          g.addGradients(loss.asOutput(), new Output<?>[] {wr.asOutput(), x.asOutput()});
      // the shapes from the trace alone, as for a batch dimension the graph leaves open
      StepFlops f = traced(g, x.asOutput(), new long[] {4, 6}, grads, false);
      assertThat(f.unresolved()).isEmpty();
      assertThat(f.matmul()).isEqualTo(3 * 144);
      assertThat(f.conv()).isZero();
      assertThat(f.elementwise()).isPositive();
    }
  }

  /**
   * x [2,5,5,3], filter 3x3x3x4 VALID → [2,3,3,4] (72 outputs of 27 multiply-adds): forward 2·72·27
   * = 3888, the filter gradient 3888, the input gradient 3888; then flatten [2,36] · W [36,7]:
   * 2·2·36·7 = 1008 forward, 1008 for dW, 1008 for the gradient into the convolution. Total conv
   * 11664, matmul 3024.
   */
  @Test
  void convolutionThenDenseWithGradients() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x =
          tf.placeholder(
              TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(2, 5, 5, 3)));
      var k = tf.variable(tf.fill(tf.constant(new long[] {3, 3, 3, 4}), tf.constant(0.05f)));
      var w = tf.variable(tf.fill(tf.constant(new long[] {36, 7}), tf.constant(0.1f)));
      Operand<TFloat32> kr = tf.identity(k);
      Operand<TFloat32> wr = tf.identity(w);
      Operand<TFloat32> c = tf.nn.conv2d(x, kr, List.of(1L, 1L, 1L, 1L), "VALID");
      Operand<TFloat32> h = tf.reshape(tf.nn.relu(c), tf.constant(new long[] {2, 36}));
      Operand<TFloat32> y = tf.linalg.matMul(h, wr);
      Operand<TFloat32> loss = tf.sum(tf.math.square(y), tf.constant(new int[] {0, 1}));
      Output<?>[] grads =
          g.addGradients(
              loss.asOutput(), new Output<?>[] {kr.asOutput(), wr.asOutput(), x.asOutput()});
      StepFlops f = traced(g, x.asOutput(), new long[] {2, 5, 5, 3}, grads, false);
      assertThat(f.unresolved()).isEmpty();
      assertThat(f.conv()).isEqualTo(3 * 3888);
      assertThat(f.matmul()).isEqualTo(3 * 1008);
      assertThat(f.dense()).isEqualTo(3 * 3888 + 3 * 1008);
    }
  }

  /** The static shapes of the graph fill in what a trace would not give: the same count. */
  @Test
  void staticShapesGiveTheSameCountWhenKnown() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x =
          tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(4, 6)));
      var w = tf.variable(tf.fill(tf.constant(new long[] {6, 3}), tf.constant(0.1f)));
      Operand<TFloat32> wr = tf.identity(w);
      Operand<TFloat32> loss =
          tf.sum(tf.math.square(tf.linalg.matMul(x, wr)), tf.constant(new int[] {0, 1}));
      Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {wr.asOutput()});
      assertThat(traced(g, x.asOutput(), new long[] {4, 6}, grads, true).matmul())
          .isEqualTo(2 * 144);
    }
  }

  @Test
  void canonicalOpNamesDropTheRewritePrefixes() {
    assertThat(FlopCounter.canonical("_MklNativeFusedMatMul")).isEqualTo("MatMul");
    assertThat(FlopCounter.canonical("_FusedConv2D")).isEqualTo("Conv2D");
    assertThat(FlopCounter.canonical("_MklConv2DBackpropFilterWithBias"))
        .isEqualTo("Conv2DBackpropFilter");
    assertThat(FlopCounter.canonical("FusedBatchNormV3")).isEqualTo("FusedBatchNormV3");
    assertThat(FlopCounter.canonical("BatchMatMulV2")).isEqualTo("BatchMatMulV2");
  }

  /** Runs the fetches once, traced, feeding ones of {@code shape} to {@code input}. */
  private static StepFlops traced(
      Graph g, Output<?> input, long[] shape, Output<?>[] fetches, boolean staticFallback) {
    ConfigProto one =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(1)
            .build();
    try (Session s = new Session(g, one);
        TFloat32 in =
            TFloat32.tensorOf(Shape.of(shape), d -> d.scalars().forEach(v -> v.setFloat(1f)))) {
      s.initialize();
      Session.Runner r = s.runner().feed(input, in).setOptions(TRACE);
      for (Output<?> o : fetches) {
        r.fetch(o);
      }
      List<RunMetadata> calls = new ArrayList<>();
      try (Result res = r.runAndFetchMetadata()) {
        calls.add(res.getMetadata().orElseThrow());
      }
      return staticFallback
          ? FlopCounter.count(calls, FlopCounter.staticShapes(g))
          : FlopCounter.count(calls);
    }
  }
}
