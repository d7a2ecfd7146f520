package io.tfjlab.models.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Seeded weight initialisers, Keras definitions, from stateless random ops (same seed and shape,
 * same weights, on any run). Written here because tensorflow-framework 1.0.0's {@code
 * Glorot(UNIFORM)} draws from [0, limit] instead of [-limit, limit] (every weight positive: an MLP
 * then diverges under SGD 0.1); checked on this stack.
 */
public final class Initializers {
  /** Keras' truncated-normal correction: std of N(0,1) truncated at ±2. */
  private static final double TRUNCATED_STD = 0.87962566103423978;

  private Initializers() {}

  /** Fan-in and fan-out of a kernel shape, as Keras computes them. */
  static double[] fans(long[] dims) {
    if (dims.length == 2) {
      return new double[] {dims[0], dims[1]};
    }
    double receptive = 1;
    for (int i = 0; i < dims.length - 2; i++) {
      receptive *= dims[i];
    }
    return new double[] {dims[dims.length - 2] * receptive, dims[dims.length - 1] * receptive};
  }

  /** Glorot (Xavier) uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)). */
  public static Operand<TFloat32> glorotUniform(Ops tf, long[] dims, long seed) {
    double[] f = fans(dims);
    return uniform(tf, dims, seed, Math.sqrt(6.0 / (f[0] + f[1])));
  }

  /** He uniform: U(-l, l), l = sqrt(6 / fan_in). */
  public static Operand<TFloat32> heUniform(Ops tf, long[] dims, long seed) {
    return uniform(tf, dims, seed, Math.sqrt(6.0 / fans(dims)[0]));
  }

  /** He normal: truncated N(0, 2 / fan_in). */
  public static Operand<TFloat32> heNormal(Ops tf, long[] dims, long seed) {
    return normal(tf, dims, seed, Math.sqrt(2.0 / fans(dims)[0]) / TRUNCATED_STD, true);
  }

  /** U(-limit, limit). */
  public static Operand<TFloat32> uniform(Ops tf, long[] dims, long seed, double limit) {
    Operand<TFloat32> u =
        tf.random.statelessRandomUniform(
            tf.constant(dims), tf.constant(new long[] {seed, 0L}), TFloat32.class);
    return tf.math.mul(tf.math.sub(u, tf.constant(0.5f)), tf.constant((float) (2 * limit)));
  }

  /** N(0, std²), truncated at two standard deviations when {@code truncated}. */
  public static Operand<TFloat32> normal(
      Ops tf, long[] dims, long seed, double std, boolean truncated) {
    Operand<TFloat32> n =
        truncated
            ? tf.random.statelessTruncatedNormal(
                tf.constant(dims), tf.constant(new long[] {seed, 0L}), TFloat32.class)
            : tf.random.statelessRandomNormal(
                tf.constant(dims), tf.constant(new long[] {seed, 0L}), TFloat32.class);
    return tf.math.mul(n, tf.constant((float) std));
  }
}
