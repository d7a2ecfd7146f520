package io.tfjlab.models.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * What every layer of one graph shares: the {@link Ops} of the graph, the training flag (training
 * behaviour switches on it in the graph, never by rebuilding), the per-step random seed (fed by the
 * trainer as {@code [runSeed, step]}, so dropout and noise masks are reproducible and resume
 * exactly), a distinct initialiser seed per layer derived from the run seed, unique layer names,
 * and the update ops (batch-norm moving statistics) to run with every training step.
 */
public final class ModelContext {
  /** Name of the training-flag placeholder (bool scalar, default false). */
  public static final String TRAINING = "training";

  /** Name of the step-seed placeholder (int64 [2], default [0, 0]). */
  public static final String STEP_SEED = "step_seed";

  private final Graph graph;
  private final Ops tf;
  private final PlaceholderWithDefault<TBool> training;
  private final PlaceholderWithDefault<TInt64> stepSeed;
  private final SplittableRandom seeds;
  private final Map<String, Integer> nameCounts = new HashMap<>();
  private final List<Op> updateOps = new ArrayList<>();
  private long randomOpCount;
  private Operand<TFloat32> trainingScale;
  private final boolean onGpu;

  public ModelContext(Graph graph, long runSeed) {
    this(graph, runSeed, java.util.Optional.empty());
  }

  /**
   * A context whose ops are all placed on {@code device} (see {@link
   * io.tfjlab.models.runtime.Placement}).
   */
  public ModelContext(
      Graph graph, long runSeed, java.util.Optional<org.tensorflow.DeviceSpec> device) {
    this.graph = graph;
    this.onGpu =
        device.map(d -> d.deviceType() == org.tensorflow.DeviceSpec.DeviceType.GPU).orElse(false);
    this.tf = device.map(d -> Ops.create(graph).withDevice(d)).orElseGet(() -> Ops.create(graph));
    this.training =
        tf.withName(TRAINING).placeholderWithDefault(tf.constant(false), Shape.scalar());
    this.stepSeed =
        tf.withName(STEP_SEED)
            .placeholderWithDefault(tf.constant(new long[] {0L, 0L}), Shape.of(2));
    this.seeds = new SplittableRandom(runSeed);
  }

  /** Whether the graph's ops are placed on a GPU (some CPU-only rewrites are then not made). */
  public boolean onGpu() {
    return onGpu;
  }

  public Graph graph() {
    return graph;
  }

  public Ops tf() {
    return tf;
  }

  public Operand<TBool> training() {
    return training;
  }

  /**
   * The training flag as a float scalar, 1 in training and 0 otherwise: training-only terms are
   * multiplied by it instead of selected, so no full-size select (nor its gradient) is computed.
   */
  public Operand<TFloat32> trainingScale() {
    if (trainingScale == null) {
      trainingScale = tf.dtypes.cast(training, TFloat32.class);
    }
    return trainingScale;
  }

  /**
   * The shape to draw a training-only random tensor for {@code x}: the shape of {@code x} in
   * training, the same with a batch of 1 otherwise (the draw is then multiplied away by {@link
   * #trainingScale()} and broadcast), so inference draws one row instead of a batch. The training
   * draw has the shape of {@code x}: its values are those of a draw of {@code tf.shape(x)}.
   */
  public Operand<TInt32> trainingDrawShape(Operand<TFloat32> x, int rank) {
    Operand<TInt32> shape = tf.shape(x);
    int[] keep = new int[rank];
    int[] one = new int[rank];
    java.util.Arrays.fill(keep, 1);
    keep[0] = 0;
    one[0] = 1;
    Operand<TInt32> oneRow = tf.math.add(tf.math.mul(shape, tf.constant(keep)), tf.constant(one));
    return tf.select(training, shape, oneRow);
  }

  public Operand<TInt64> stepSeed() {
    return stepSeed;
  }

  /**
   * The next initialiser seed: distinct per call, a pure function of the run seed and call order.
   */
  public long nextInitSeed() {
    return seeds.nextLong();
  }

  /**
   * A seed pair for a stateless random op: the fed step seed plus a constant distinct per op, so
   * two dropout layers never share a mask and every step draws new values.
   */
  public Operand<TInt64> opSeed() {
    randomOpCount++;
    return tf.math.add(stepSeed, tf.constant(new long[] {0L, randomOpCount * 1_000_003L}));
  }

  /** A unique layer name from a base, Keras style: {@code dense}, {@code dense_1}, ... */
  public String uniqueName(String base) {
    int n = nameCounts.merge(base, 1, Integer::sum);
    return n == 1 ? base : base + "_" + (n - 1);
  }

  public void addUpdateOp(Op op) {
    updateOps.add(op);
  }

  /** Ops to run as extra targets of every training step (e.g. batch-norm moving averages). */
  public List<Op> updateOps() {
    return List.copyOf(updateOps);
  }
}
