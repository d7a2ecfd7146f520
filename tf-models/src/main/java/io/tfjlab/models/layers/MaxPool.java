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
          tf.nn.maxPool(
              x4,
              tf.constant(new int[] {1, 1, pool, 1}),
              tf.constant(new int[] {1, 1, stride, 1}),
              padding.name());
      return tf.reshape(p, tf.constant(new long[] {-1, out[0], out[1]}));
    }
    if (in.length != 3) {
      throw new IllegalArgumentException("MaxPooling2D needs HxWxC, got " + Arrays.toString(in));
    }
    return tf.nn.maxPool(
        x,
        tf.constant(new int[] {1, pool, pool, 1}),
        tf.constant(new int[] {1, stride, stride, 1}),
        padding.name());
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
