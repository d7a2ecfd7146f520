package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.BiasAddGrad;
import org.tensorflow.op.nn.Conv2dBackpropFilter;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.types.TFloat32;

/**
 * {@code conv2d(x, K) + b} as TensorFlow's {@code _FusedConv2D} with {@code fused_ops = [BiasAdd]}
 * — the op Grappler's remapper makes of {@code Conv2D + BiasAdd} anyway, so the forward pass is
 * unchanged — with a gradient registered here that keeps the kernel and the bias gradients apart.
 *
 * <p>Why: with the C++ gradients of {@code Conv2D} and {@code BiasAdd}, {@code
 * Conv2DBackpropFilter} and {@code BiasAddGrad} read the same tensor, and TensorFlow 2.18's oneDNN
 * pass merges the two into {@code _MklNativeConv2DBackpropFilterWithBias}, which on the machines
 * measured here is about twice as slow as the two ops apart (a graph of just these ops at the
 * seed-003 cnn's shapes: 7.1–10.7 ms a call merged, 3.5–6.0 ms apart; TensorFlow 2.21, as Keras
 * runs it, keeps them apart). The registered gradient is the C++ one (the same {@code
 * Conv2DBackpropInput} and {@code Conv2DBackpropFilter} with the op's attributes), except that
 * {@code BiasAddGrad} reads the gradient reshaped to (rows, channels), a different tensor, so that
 * the pass leaves the two alone. The input and kernel gradients are the same bits as before; the
 * bias gradient is the sum {@code BiasAddGrad} computes instead of oneDNN's, equal up to rounding.
 *
 * <p>CPU graphs only ({@link #available}). TF Java 1.1 takes at most 10 custom gradients a process;
 * this class registers one, once.
 */
final class ConvBias {
  static final String OP = "_FusedConv2D";
  private static boolean registered;

  private ConvBias() {}

  /** Whether the op is built: CPU graphs (a GPU graph keeps {@code Conv2D + BiasAdd}). */
  static boolean available(boolean onGpu) {
    return !onGpu;
  }

  /**
   * A layer's {@code conv2d(x, k) + b} (NHWC, square stride): this op on CPU graphs, {@code Conv2D
   * + BiasAdd} on GPU graphs.
   */
  static Operand<TFloat32> conv2d(
      ModelContext ctx,
      Operand<TFloat32> x,
      Operand<TFloat32> k,
      Operand<TFloat32> b,
      int stride,
      Padding padding) {
    Ops tf = ctx.tf();
    if (!available(ctx.onGpu())) {
      return tf.nn.biasAdd(
          tf.nn.conv2d(x, k, List.of(1L, (long) stride, (long) stride, 1L), padding.name()), b);
    }
    return conv2d(tf, x, k, b, new long[] {1, stride, stride, 1}, padding.name());
  }

  /** {@code conv2d(x, k) + b} as this op, NHWC, no dilation. */
  static Operand<TFloat32> conv2d(
      Ops tf,
      Operand<TFloat32> x,
      Operand<TFloat32> k,
      Operand<TFloat32> b,
      long[] strides,
      String padding) {
    register();
    return tf.scope()
        .opBuilder(OP, "ConvBias")
        .addInput(x.asOutput())
        .addInput(k.asOutput())
        .addInputList(new Output<?>[] {b.asOutput()})
        .addInputList(new Output<?>[0])
        .setAttr("num_args", 1)
        .setAttr("fused_ops", new String[] {"BiasAdd"})
        .setAttr("strides", strides)
        .setAttr("padding", padding)
        .setAttr("data_format", "NHWC")
        .build()
        .<TFloat32>output(0);
  }

  private static synchronized void register() {
    if (registered) {
      return;
    }
    TensorFlow.registerCustomGradient(OP, ConvBias::gradient);
    registered = true;
  }

  /** Gradients for (x, k, b) of an NHWC {@code _FusedConv2D} with a bias and nothing else fused. */
  @SuppressWarnings("unchecked")
  private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> dy) {
    var attrs = op.attributes();
    String[] fused = attrs.getAttrStringList("fused_ops");
    if (!Arrays.equals(fused, new String[] {"BiasAdd"})) {
      throw new IllegalStateException(
          "no gradient for _FusedConv2D with fused_ops " + Arrays.toString(fused));
    }
    Operand<TFloat32> x = (Output<TFloat32>) op.input(0);
    Operand<TFloat32> k = (Output<TFloat32>) op.input(1);
    Operand<TFloat32> d = (Output<TFloat32>) dy.get(0);
    List<Long> strides = Arrays.stream(attrs.getAttrIntList("strides")).boxed().toList();
    String padding = attrs.getAttrString("padding");
    // (rows, channels); the shape is built as ops: asking an output for its shape here, inside
    // TF_AddGradients, blocks on the graph's lock
    Operand<TFloat32> rows =
        tf.reshape(
            d,
            tf.concat(List.of(tf.constant(new int[] {-1}), tf.shape(op.input(2))), tf.constant(0)));
    return List.of(
        tf.nn.conv2dBackpropInput(
            tf.shape(x), k, d, strides, padding, Conv2dBackpropInput.dataFormat("NHWC")),
        tf.nn.conv2dBackpropFilter(
            x, tf.shape(k), d, strides, padding, Conv2dBackpropFilter.dataFormat("NHWC")),
        tf.nn.biasAddGrad(rows, BiasAddGrad.dataFormat("NHWC")));
  }
}
