package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Small helpers shared by the layer tests: one-thread sessions, placeholders, feeding and fetching.
 * Public for {@link #ONE_THREAD}, which the zoo's tests use too.
 */
public final class LayerTestSupport {
  /** One intra-op and one inter-op thread: the tests are tiny and the machine is shared. */
  public static final ConfigProto ONE_THREAD =
      ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(1)
          .setInterOpParallelismThreads(1)
          .build();

  private LayerTestSupport() {}

  /** A session whose variables are initialised. */
  static Session session(Graph g) {
    Session s = new Session(g, ONE_THREAD);
    s.initialize();
    return s;
  }

  /** A float placeholder of shape [-1, perSample...]. */
  static Placeholder<TFloat32> input(ModelContext ctx, long... perSample) {
    return ctx.tf()
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shapes.withBatch(perSample))));
  }

  static TFloat32 tensor(float[] data, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data.clone(), true, false));
  }

  static float[] random(long seed, int n, float lo, float hi) {
    Random r = new Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = lo + (hi - lo) * r.nextFloat();
    }
    return out;
  }

  static float[] values(Tensor t) {
    float[] out = new float[(int) t.shape().size()];
    ((TFloat32) t).copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** A fetched tensor copied out of its Result. */
  record Out(long[] shape, float[] values) {}

  /**
   * Runs {@code y} feeding {@code x} with {@code data} of full shape {@code shape}; {@code
   * training} and {@code stepSeed} are fed only when not null.
   */
  static Out run(
      Session s,
      Operand<TFloat32> y,
      Operand<TFloat32> x,
      float[] data,
      long[] shape,
      Boolean training,
      long[] stepSeed) {
    try (TFloat32 xt = tensor(data, shape);
        TBool tt = training == null ? null : TBool.scalarOf(training);
        TInt64 st = stepSeed == null ? null : TInt64.vectorOf(stepSeed)) {
      Session.Runner r = s.runner().feed(x, xt);
      if (tt != null) {
        r.feed(ModelContext.TRAINING, tt);
      }
      if (st != null) {
        r.feed(ModelContext.STEP_SEED, st);
      }
      try (Result res = r.fetch(y).run()) {
        Tensor t = res.get(0);
        return new Out(t.shape().asArray(), values(t));
      }
    }
  }

  static Out run(Session s, Operand<TFloat32> y, Operand<TFloat32> x, float[] data, long... shape) {
    return run(s, y, x, data, shape, null, null);
  }

  /** The current value of a variable (or any operand needing no feed). */
  static float[] fetch(Session s, Operand<TFloat32> v) {
    try (Result res = s.runner().fetch(v).run()) {
      return values(res.get(0));
    }
  }

  /** Runs {@code ops} as targets in training mode, feeding {@code x}. */
  static void runTargets(
      Session s, Iterable<Op> ops, Operand<TFloat32> x, float[] data, long... shape) {
    try (TFloat32 xt = tensor(data, shape);
        TBool tt = TBool.scalarOf(true)) {
      Session.Runner r = s.runner().feed(x, xt).feed(ModelContext.TRAINING, tt);
      for (Op op : ops) {
        r.addTarget(op);
      }
      r.run().close();
    }
  }

  static long[] withBatch(long batch, long[] perSample) {
    long[] out = Shapes.withBatch(perSample);
    out[0] = batch;
    return out;
  }

  /** The output of the graph's one op whose type starts with {@code typePrefix}. */
  static Operand<TFloat32> randomOutput(Graph g, String typePrefix) {
    java.util.List<org.tensorflow.GraphOperation> ops = new java.util.ArrayList<>();
    g.operations()
        .forEachRemaining(
            o -> {
              if (o.type().startsWith(typePrefix)) {
                ops.add((org.tensorflow.GraphOperation) o);
              }
            });
    org.assertj.core.api.Assertions.assertThat(ops).hasSize(1);
    return ops.get(0).output(0);
  }
}
