package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** A layer with a data-dependent initialisation pass (the weight-normalised layers). */
public interface DataInitLayer extends Layer {
  /**
   * Applies the layer as it will be after the initialisation and adds to {@code assigns} the ops
   * that set its parameters from this batch.
   */
  Operand<TFloat32> initApply(ModelContext ctx, Operand<TFloat32> x, long[] in, List<Op> assigns);

  /**
   * Weight normalisation's data-dependent start (Salimans and Kingma 2016): given the normalised
   * pre-activations {@code t}, adds the ops that set {@code g = 1/std(t)} and {@code b =
   * −mean(t)/std(t)} (moments over {@code axes}, so that every unit starts with zero mean and unit
   * variance) and returns the layer's output as it will be after them.
   */
  static Operand<TFloat32> normalizeFrom(
      Ops tf,
      Operand<TFloat32> t,
      int[] axes,
      Variable<TFloat32> g,
      Variable<TFloat32> b,
      Activation activation,
      List<Op> assigns) {
    Operand<TInt32> ax = tf.constant(axes);
    Operand<TFloat32> mean = tf.math.mean(t, ax);
    Operand<TFloat32> std =
        tf.math.sqrt(
            tf.math.add(tf.math.mean(tf.math.squaredDifference(t, mean), ax), tf.constant(1e-8f)));
    Operand<TFloat32> scale = tf.math.div(tf.constant(1f), std);
    Operand<TFloat32> shift = tf.math.neg(tf.math.mul(mean, scale));
    assigns.add(tf.assign(g, scale));
    assigns.add(tf.assign(b, shift));
    return activation.apply(tf, tf.math.add(tf.math.mul(t, scale), shift));
  }
}
