package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/** A layer with a data-dependent initialisation pass (the weight-normalised layers). */
public interface DataInitLayer extends Layer {
  /**
   * Applies the layer as it will be after the initialisation and adds to {@code assigns} the ops
   * that set its parameters from this batch.
   */
  Operand<TFloat32> initApply(ModelContext ctx, Operand<TFloat32> x, long[] in, List<Op> assigns);
}
