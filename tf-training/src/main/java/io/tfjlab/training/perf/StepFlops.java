package io.tfjlab.training.perf;

import java.util.List;
import java.util.Map;

/**
 * The floating-point operations of one training step, counted from the graph TensorFlow executed
 * ({@link FlopCounter}): matrix products and convolutions (forward and gradient ones, 2 FLOPs per
 * multiply-add), and separately a rough count of the element-wise and reduction ops.
 *
 * @param matmul MatMul and BatchMatMul FLOPs (fused variants included)
 * @param conv Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter (and depthwise) FLOPs
 * @param elementwise one FLOP per output element of the element-wise arithmetic ops (one per input
 *     element of the reductions, ten per parameter of an Adam update); an indication only
 * @param byOp the matmul and conv FLOPs per executed op type
 * @param unresolved matmul/conv nodes whose shapes the trace did not give (not counted)
 */
public record StepFlops(
    long matmul, long conv, long elementwise, Map<String, Long> byOp, List<String> unresolved) {
  public StepFlops {
    byOp = Map.copyOf(byOp);
    unresolved = List.copyOf(unresolved);
  }

  /** The FLOPs of the products and convolutions, the usual "model FLOPs" of a step. */
  public long dense() {
    return matmul + conv;
  }
}
