// Adam's update alone, at the mlp's shapes (784-150-150-10: 141,910 parameters): six ApplyAdam ops
// (or, with -Dcomposed=1, the same update as assign ops) run as one session call, gradients a cheap
// product of the variables. Prints microseconds a step, 3 rounds. A second argument (any) uses six
// variables of 10 values instead: the cost of the call itself.
//   CP=$(cat cli/target/classpath.txt); javac -d /tmp/adam -cp "$CP" bench/adam/AdamStep.java
//   java [-Dcomposed=1] [-Dintra=1] -cp "/tmp/adam:$CP" AdamStep 2000 [tiny]
import java.util.*;
import org.tensorflow.*;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.*;
import org.tensorflow.op.core.*;
import org.tensorflow.types.TFloat32;
import org.tensorflow.proto.ConfigProto;

public class AdamStep {
  public static void main(String[] a) {
    long[][] shapes = a.length > 1 ? new long[][] {{10},{10},{10},{10},{10},{10}} : new long[][] {{784, 150}, {150}, {150, 150}, {150}, {150, 10}, {10}};
    int steps = Integer.parseInt(a[0]);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Op> applies = new ArrayList<>();
      Variable<TFloat32> b1p = tf.variable(tf.constant(0.9f));
      Variable<TFloat32> b2p = tf.variable(tf.constant(0.999f));
      for (long[] s : shapes) {
        Operand<TFloat32> init = tf.random.statelessRandomNormal(tf.constant(s), tf.constant(new long[]{1,2}), TFloat32.class);
        Variable<TFloat32> v = tf.variable(init);
        Variable<TFloat32> m = tf.variable(tf.zerosLike(init));
        Variable<TFloat32> vv = tf.variable(tf.zerosLike(init));
        Operand<TFloat32> grad = tf.math.mul(tf.identity(v), tf.constant(0.01f));
        if (System.getProperty("composed") == null) {
          applies.add(tf.train.applyAdam(v, m, vv, b1p, b2p, tf.constant(1e-3f), tf.constant(0.9f), tf.constant(0.999f), tf.constant(1e-7f), grad));
        } else {
          Operand<TFloat32> mn = tf.assignAdd(m, tf.math.mul(tf.math.sub(grad, tf.identity(m)), tf.constant(0.1f)));
          Operand<TFloat32> vn = tf.assignAdd(vv, tf.math.mul(tf.math.sub(tf.math.square(grad), tf.identity(vv)), tf.constant(0.001f)));
          applies.add(tf.assignSub(v, tf.math.div(tf.math.mul(mn, tf.constant(1e-3f)), tf.math.add(tf.math.sqrt(vn), tf.constant(1e-7f)))));
        }
      }
      Op step = tf.withControlDependencies(applies).noOp();
      ConfigProto cfg = ConfigProto.newBuilder().setIntraOpParallelismThreads(Integer.getInteger("intra", 2)).setInterOpParallelismThreads(2).build();
      try (Session s = new Session(g, cfg)) {
        s.initialize();
        for (int r = 0; r < 3; r++) {
          for (int i = 0; i < 200; i++) s.runner().addTarget(step).run().close();
          long t0 = System.nanoTime();
          for (int i = 0; i < steps; i++) s.runner().addTarget(step).run().close();
          System.out.printf("adam-only step: %.1f us%n", (System.nanoTime() - t0) / 1e3 / steps);
        }
      }
    }
  }
}
