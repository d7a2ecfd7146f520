package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Sequential;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Seed 002's linear regression y = a·x + b: one dense unit, mean squared error. */
public final class LinearRegressionModel implements ModelFactory {
  @Override
  public String name() {
    return "linreg";
  }

  @Override
  public String description() {
    return "linear regression y = a·x + b on the noisy line (seed 002)";
  }

  @Override
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    Ops tf = ctx.tf();
    Placeholder<TFloat32> x = Heads.input(ctx, input.shape());
    Placeholder<TFloat32> y = Heads.target(ctx, 1);
    Sequential net = Sequential.of(new Dense(1, Activation.LINEAR));
    Operand<TFloat32> out = tf.withName("prediction").identity(net.apply(ctx, x, input.shape()));
    Operand<TFloat32> mse = Heads.meanAll(tf, tf.math.squaredDifference(out, y), 2);
    Phase phase =
        new Phase(
            "regression",
            mse,
            mse,
            "mse",
            net.trainableVariables(),
            net.kernels(),
            Phase.PhaseData.LABELED);
    return new BuiltModel(
        name(), spec, Task.REGRESS, ctx, x, y, out, List.of(phase), Map.of(name(), net));
  }
}
