package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Max pooling over HxWxC (2-D) or length x channels (1-D) inputs. */
public final class MaxPool extends BaseLayer {
  private final int pool;
  private final int stride;
  private final Padding padding;
  private final boolean oneD;

  private MaxPool(boolean oneD, int pool, int stride, Padding padding) {
    super(oneD ? "max_pooling1d" : "max_pooling2d");
    this.oneD = oneD;
    this.pool = pool;
    this.stride = stride;
    this.padding = padding;
  }

  public static MaxPool pool2d(int pool) {
    return new MaxPool(false, pool, pool, Padding.VALID);
  }

  public static MaxPool pool1d(int pool) {
    return new MaxPool(true, pool, pool, Padding.VALID);
  }

  /** 2-D max pooling with its own stride and padding. */
  public static MaxPool pool2d(int pool, int stride, Padding padding) {
    return new MaxPool(false, pool, stride, padding);
  }

  /** 1-D max pooling with its own stride and padding. */
  public static MaxPool pool1d(int pool, int stride, Padding padding) {
    return new MaxPool(true, pool, stride, padding);
  }

  @Override
  public String type() {
    return oneD ? "MaxPooling1D" : "MaxPooling2D";
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    if (oneD) {
      if (in.length != 2) {
        throw new IllegalArgumentException(
            "MaxPooling1D needs (length, channels), got " + Arrays.toString(in));
      }
      long[] out = outputShape(in);
      Operand<TFloat32> x4 = tf.reshape(x, tf.constant(new long[] {-1, 1, in[0], in[1]}));
      Operand<TFloat32> p =
          maxPool(tf, x4, new long[] {1, 1, pool, 1}, new long[] {1, 1, stride, 1});
      return tf.reshape(p, tf.constant(new long[] {-1, out[0], out[1]}));
    }
    if (in.length != 3) {
      throw new IllegalArgumentException("MaxPooling2D needs HxWxC, got " + Arrays.toString(in));
    }
    return maxPool(tf, x, new long[] {1, pool, pool, 1}, new long[] {1, stride, stride, 1});
  }

  /**
   * The {@code MaxPool} op, window and strides as attributes. TF Java's {@code tf.nn.maxPool} emits
   * {@code MaxPoolV2} (window and strides as tensors), which oneDNN does not take over: its
   * gradient {@code MaxPoolGradV2} ran on the generic kernel and was 40% of the seed-003 cnn's step
   * time. {@code MaxPool} and its gradient become oneDNN's pooling; the values are the same (a
   * maximum and the gradient routed to it).
   */
  private Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x, long[] window, long[] strides) {
    return tf.scope()
        .opBuilder("MaxPool", "MaxPool")
        .addInput(x.asOutput())
        .setAttr("ksize", window)
        .setAttr("strides", strides)
        .setAttr("padding", padding.name())
        .build()
        .output(0);
  }

  @Override
  public long[] outputShape(long[] in) {
    if (oneD) {
      return new long[] {padding.outputSize(in[0], pool, stride), in[1]};
    }
    return new long[] {
      padding.outputSize(in[0], pool, stride), padding.outputSize(in[1], pool, stride), in[2]
    };
  }
}
