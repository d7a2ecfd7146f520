package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A layer: owns its variables (created on the first {@link #apply}), builds graph ops on an
 * operand, and knows its output shape and parameter count. Applying a layer again reuses its
 * variables (a GAN discriminator applied to real and generated images).
 */
public interface Layer {
  /** Unique name within the graph, e.g. {@code dense_1}; also its variable scope. */
  String name();

  /** Short type for summaries, e.g. {@code Dense}. */
  String type();

  /** Builds the layer on {@code input} whose per-sample shape is {@code inputShape}. */
  Operand<TFloat32> apply(ModelContext ctx, Operand<TFloat32> input, long[] inputShape);

  /** Per-sample output shape for a per-sample input shape. */
  long[] outputShape(long[] inputShape);

  /** Variables gradients update. Empty before the first apply. */
  List<Variable<TFloat32>> trainableVariables();

  /** Variables that are state, not parameters (batch-norm moving statistics, frozen scales). */
  default List<Variable<TFloat32>> nonTrainableVariables() {
    return List.of();
  }

  /** Weight matrices and kernels, the ones L2 regularisation applies to. */
  default List<Variable<TFloat32>> kernels() {
    return List.of();
  }

  /** Ops to run with each training step of this layer (batch-norm moving averages). */
  default List<org.tensorflow.op.Op> updateOps() {
    return List.of();
  }

  default long trainableParameters() {
    return count(trainableVariables());
  }

  default long nonTrainableParameters() {
    return count(nonTrainableVariables());
  }

  static long count(List<Variable<TFloat32>> vars) {
    long n = 0;
    for (Variable<TFloat32> v : vars) {
      n += v.shape().size();
    }
    return n;
  }
}
