package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Fully connected layer {@code activation(x·W + b)} on a flat input. */
public final class Dense extends BaseLayer {
  private final int units;
  private final Activation activation;
  private final Init init;
  private Variable<TFloat32> w;
  private Variable<TFloat32> b;

  public Dense(int units, Activation activation) {
    this(units, activation, Init.GLOROT_UNIFORM);
  }

  public Dense(int units, Activation activation, Init init) {
    super("dense");
    if (units <= 0) {
      throw new IllegalArgumentException("dense units must be > 0, got " + units);
    }
    this.units = units;
    this.activation = activation;
    this.init = init;
  }

  @Override
  public String type() {
    return "Dense";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (in.length != 1) {
      throw new IllegalArgumentException(
          "Dense needs a flat input, got shape "
              + java.util.Arrays.toString(in)
              + "; add a Flatten layer first");
    }
    w = kernel(ctx, "kernel", new long[] {in[0], units}, init);
    b = constantVariable(ctx, "bias", units, 0f, true);
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(x, tf.identity(w)), tf.identity(b));
    return activation.apply(tf, z);
  }

  @Override
  public long[] outputShape(long[] in) {
    return new long[] {units};
  }

  public int units() {
    return units;
  }
}
