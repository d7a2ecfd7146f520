package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Reshape to a per-sample shape; {@link #flatten()} makes it one-dimensional. */
public final class Reshape extends BaseLayer {
  private final long[] target;

  private Reshape(String base, long[] target) {
    super(base);
    this.target = target;
  }

  public static Reshape to(long... perSampleShape) {
    return new Reshape("reshape", perSampleShape.clone());
  }

  public static Reshape flatten() {
    return new Reshape("flatten", null);
  }

  @Override
  public String type() {
    return target == null ? "Flatten" : "Reshape";
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    return ctx.tf().reshape(x, ctx.tf().constant(Shapes.withBatch(outputShape(in))));
  }

  @Override
  public long[] outputShape(long[] in) {
    if (target == null) {
      return new long[] {Shapes.size(in)};
    }
    if (Shapes.size(target) != Shapes.size(in)) {
      throw new IllegalArgumentException(
          "cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
    }
    return target.clone();
  }
}
