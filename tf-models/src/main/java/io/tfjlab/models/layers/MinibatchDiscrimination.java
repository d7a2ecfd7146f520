package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Minibatch discrimination (Salimans et al. 2016, section 3.2): lets a discriminator compare the
 * examples of a batch with each other, so that a generator that collapses to a few modes (many
 * near-identical images) is easy to tell apart from real data. The features f (n×A) are projected
 * by a trainable tensor T (A×B×C) to M = f·T (n×B×C); for each of the B kernels, row i's closeness
 * to row j is {@code c_b(i, j) = exp(−‖M_i,b − M_j,b‖₁)} and the layer appends {@code o_b(i) =
 * Σ_{j≠i} c_b(i, j)} to f: its output is concat(f, o), A+B features.
 *
 * <p>The self term is summed and then subtracted: its distance is exactly 0, so it is exactly
 * exp(0) = 1, and Abs has gradient sign(0) = 0 there, so subtracting 1 is exact in value and
 * gradient and needs no mask (the reference code adds 10⁶ to the diagonal instead).
 *
 * <p>The statistics are over the rows the layer is applied to, all of them: apply it to each group
 * of rows that must not see the others on its own (the semi-supervised GAN applies its head to the
 * labeled, the unlabeled and the generated rows separately). Since o sums over the other rows, its
 * scale grows with the batch size: evaluate in batches of the training size. Memory: n²·B·C floats
 * per application (20 MB for 100 rows and 100 kernels of 5).
 *
 * <p>Two details of the reference code (openai/improved-gan, {@code MinibatchLayer}) are left out,
 * neither changes what the layer can compute: the per-kernel bias on o (the layer feeds a linear
 * layer whose bias absorbs it) and the weight normalisation of T (its role, a well-scaled start, is
 * taken by the data-dependent initialisation, {@link #initApply}).
 */
public final class MinibatchDiscrimination extends BaseLayer implements DataInitLayer {
  /** Kernels of the reference code ({@code train_cifar_minibatch_discrimination.py}). */
  public static final int DEFAULT_KERNELS = 100;

  /** Dimensions per kernel of the reference code ({@code MinibatchLayer}'s default). */
  public static final int DEFAULT_DIMS = 5;

  /**
   * Rows per group of the initialisation batch: the reference's (and this project's sgan) batch
   * size.
   */
  public static final int INIT_GROUP = 100;

  /** Mean distance to the nearest other row after the initialisation, per kernel (reference: 2). */
  static final float INIT_NEAREST_DISTANCE = 2f;

  /**
   * Standard deviation of T before the initialisation rescales it (the reference's θ ~ N(0, 0.05)).
   */
  static final double INIT_STD = 0.05;

  private final int numKernels;
  private final int kernelDims;
  private Variable<TFloat32> t;
  private long features;

  /**
   * @param kernels B, the number of closeness features appended
   * @param dims C, the dimensions of the space in which each kernel measures L1 distances
   */
  public MinibatchDiscrimination(int kernels, int dims) {
    super("minibatch");
    if (kernels <= 0 || dims <= 0) {
      throw new IllegalArgumentException(
          "minibatch discrimination needs kernels > 0 and dims > 0, got "
              + kernels
              + " and "
              + dims);
    }
    this.numKernels = kernels;
    this.kernelDims = dims;
  }

  @Override
  public String type() {
    return "MinibatchDiscrimination";
  }

  public int kernelCount() {
    return numKernels;
  }

  public int dimsPerKernel() {
    return kernelDims;
  }

  /** T, the A×B×C projection (after the first apply). */
  public Variable<TFloat32> projection() {
    return t;
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (in.length != 1) {
      throw new IllegalArgumentException(
          "MinibatchDiscrimination needs a flat input (add Flatten), got " + Arrays.toString(in));
    }
    features = in[0];
    t =
        variable(
            "kernel",
            Initializers.normal(
                ctx.tf(),
                new long[] {features, numKernels, kernelDims},
                ctx.nextInitSeed(),
                INIT_STD,
                false),
            true);
    kernels.add(t);
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    // all rows form one group: M as [1, n, B, C]
    Operand<TFloat32> m =
        tf.reshape(projected(tf, x), tf.constant(new int[] {1, -1, numKernels, kernelDims}));
    Operand<TFloat32> o = closeness(tf, distances(tf, m));
    return tf.concat(
        List.of(x, tf.reshape(o, tf.constant(new int[] {-1, numKernels}))), tf.constant(1));
  }

  /**
   * The data-dependent initialisation: scales each kernel's slice of T so that, on this batch, the
   * mean L1 distance from a row to its nearest other row is 2 (as the reference code does), which
   * keeps the closeness features away from both 0 (all exp(−d) vanish) and n−1 (all rows alike).
   * The batch is taken in groups of {@link #INIT_GROUP} rows, each group on its own, so that the
   * features the next layer initialises from have the scale they have in training batches of that
   * size (and memory stays that of one such batch). Rows after the last full group are left out of
   * the statistics and of the returned output; a batch smaller than a group is one group; a batch
   * of one row leaves T as it is.
   */
  @Override
  public Operand<TFloat32> initApply(
      ModelContext ctx, Operand<TFloat32> x, long[] in, List<Op> assigns) {
    ensureBuilt(ctx, in);
    Ops tf = ctx.tf();
    Operand<TInt32> n =
        tf.reshape(
            tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
            tf.constant(new int[0]));
    Operand<TInt32> group =
        tf.math.maximum(tf.math.minimum(n, tf.constant(INIT_GROUP)), tf.constant(1));
    Operand<TInt32> groups = tf.math.floorDiv(n, group);
    Operand<TFloat32> used =
        tf.slice(
            x,
            tf.stack(List.of(tf.constant(0), tf.constant(0))),
            tf.stack(List.of(tf.math.mul(groups, group), tf.constant(-1))));
    Operand<TFloat32> m =
        tf.reshape(
            projected(tf, used),
            tf.stack(List.of(groups, group, tf.constant(numKernels), tf.constant(kernelDims))));
    Operand<TFloat32> d = distances(tf, m);
    // nearest other row: the diagonal (distance 0 to itself) pushed out of the minimum
    Operand<TFloat32> self =
        tf.reshape(
            tf.oneHot(
                tf.range(tf.constant(0), group, tf.constant(1)),
                group,
                tf.constant(1e30f),
                tf.constant(0f)),
            tf.stack(List.of(tf.constant(1), group, group, tf.constant(1))));
    Operand<TFloat32> nearest =
        tf.math.mean(tf.min(tf.math.add(d, self), tf.constant(2)), tf.constant(new int[] {0, 1}));
    Operand<TFloat32> scale =
        tf.select(
            tf.math.greaterEqual(group, tf.constant(2)),
            tf.math.div(
                tf.constant(INIT_NEAREST_DISTANCE), tf.math.maximum(nearest, tf.constant(1e-6f))),
            tf.onesLike(nearest));
    assigns.add(
        tf.assign(
            t,
            tf.math.mul(
                tf.identity(t), tf.reshape(scale, tf.constant(new int[] {1, numKernels, 1})))));
    // L1 distances scale linearly with T's kernel slice: the output as it will be after the init
    Operand<TFloat32> o =
        closeness(
            tf, tf.math.mul(d, tf.reshape(scale, tf.constant(new int[] {1, 1, 1, numKernels}))));
    return tf.concat(
        List.of(used, tf.reshape(o, tf.constant(new int[] {-1, numKernels}))), tf.constant(1));
  }

  /** M = f·T as [n, B·C] (T read through identity, pitfall 2 of docs/tensorflow-java.md). */
  private Operand<TFloat32> projected(Ops tf, Operand<TFloat32> x) {
    return tf.linalg.matMul(
        x,
        tf.reshape(
            tf.identity(t), tf.constant(new long[] {features, (long) numKernels * kernelDims})));
  }

  /** L1 distances [g, n, n, B] between the rows of each group of M [g, n, B, C]. */
  private static Operand<TFloat32> distances(Ops tf, Operand<TFloat32> m) {
    Operand<TFloat32> rowI = tf.expandDims(m, tf.constant(2));
    Operand<TFloat32> rowJ = tf.expandDims(m, tf.constant(1));
    return tf.reduceSum(tf.math.abs(tf.math.sub(rowI, rowJ)), tf.constant(4));
  }

  /**
   * o [g, n, B]: Σ_j exp(−d_ij) over the other rows j of the group (the self term, exactly 1,
   * removed).
   */
  private static Operand<TFloat32> closeness(Ops tf, Operand<TFloat32> d) {
    return tf.math.sub(tf.reduceSum(tf.math.exp(tf.math.neg(d)), tf.constant(2)), tf.constant(1f));
  }

  @Override
  public long[] outputShape(long[] in) {
    if (in.length != 1) {
      throw new IllegalArgumentException(
          "MinibatchDiscrimination needs a flat input (add Flatten), got " + Arrays.toString(in));
    }
    return new long[] {in[0] + numKernels};
  }
}
