package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** An activation as a layer of its own (e.g. LeakyReLU after a batch norm). */
public final class ActivationLayer extends BaseLayer {
  private final Activation activation;

  public ActivationLayer(Activation activation) {
    super(activation == Activation.LEAKY_RELU ? "leaky_re_lu" : "activation");
    this.activation = activation;
  }

  @Override
  public String type() {
    return activation == Activation.LEAKY_RELU
        ? "LeakyReLU"
        : "Activation(" + activation.keyword() + ")";
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    return activation.apply(ctx.tf(), x);
  }

  @Override
  public long[] outputShape(long[] in) {
    return in.clone();
  }
}
