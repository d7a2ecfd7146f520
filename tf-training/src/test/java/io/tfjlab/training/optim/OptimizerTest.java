package io.tfjlab.training.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class OptimizerTest {
  /**
   * Three Adam steps on loss = Σ 0.5·g·p² (gradient g·p) for one tiny variable, run in TensorFlow.
   */
  private static float[] adamSteps(OptimizerSpec spec, float[] start, float[] scale) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> p = tf.withName("p").variable(tf.constant(start));
      Operand<TFloat32> loss =
          tf.reduceSum(
              tf.math.mul(
                  tf.constant(0.5f),
                  tf.math.mul(tf.constant(scale), tf.math.square(tf.identity(p)))),
              tf.constant(0));
      Op step =
          Optimizer.minimize(
              tf, spec, "opt", loss, List.of(p), tf.constant((float) spec.learningRate()));
      try (Session s = new Session(g)) {
        s.initialize();
        for (int i = 0; i < 3; i++) {
          s.runner().addTarget(step).run();
        }
        try (TFloat32 out = (TFloat32) s.runner().fetch(tf.identity(p)).run().get(0)) {
          float[] r = new float[start.length];
          for (int i = 0; i < r.length; i++) {
            r[i] = out.getFloat(i);
          }
          return r;
        }
      }
    }
  }

  /** The same three steps by hand, ε under or outside the square root. */
  private static double[] byHand(
      double lr, double b1, double b2, double eps, boolean inside, float[] start, float[] scale) {
    double[] p = new double[start.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = start[i];
      double m = 0;
      double v = 0;
      for (int t = 1; t <= 3; t++) {
        double grad = scale[i] * p[i];
        m = b1 * m + (1 - b1) * grad;
        v = b2 * v + (1 - b2) * grad * grad;
        double mHat = m / (1 - Math.pow(b1, t));
        double vHat = v / (1 - Math.pow(b2, t));
        p[i] -=
            inside
                ? lr * mHat / Math.sqrt(vHat + eps)
                // TensorFlow's ApplyAdam: ε added to √v (not bias-corrected), lr bias-corrected
                : lr
                    * Math.sqrt(1 - Math.pow(b2, t))
                    / (1 - Math.pow(b1, t))
                    * m
                    / (Math.sqrt(v) + eps);
      }
    }
    return p;
  }

  @Test
  void adamWithEpsilonUnderTheSquareRootFollowsTheReferenceFormula() {
    float[] start = {1f, -2f, 1e-3f};
    float[] scale = {1f, 0.5f, 1e-2f}; // the last gradient is ~1e-5: there ε's placement shows
    OptimizerSpec inside = new OptimizerSpec("adam", 0.003, null, 0.5, null, 1e-8, null, true);
    float[] got = adamSteps(inside, start, scale);
    double[] want = byHand(0.003, 0.5, 0.999, 1e-8, true, start, scale);
    for (int i = 0; i < got.length; i++) {
      assertThat((double) got[i]).isCloseTo(want[i], within(1e-6 + 1e-5 * Math.abs(want[i])));
    }
    // and it is not what TensorFlow's ε placement gives with the same ε
    float[] outside =
        adamSteps(
            new OptimizerSpec("adam", 0.003, null, 0.5, null, 1e-4, null, null), start, scale);
    double[] wantOutside = byHand(0.003, 0.5, 0.999, 1e-4, false, start, scale);
    assertThat((double) outside[2]).isCloseTo(wantOutside[2], within(1e-7));
    assertThat(Math.abs(got[2] - outside[2])).isGreaterThan(1e-5f);
  }

  @Test
  void epsilonInsideIsAnAdamOption() {
    assertThatThrownBy(() -> new OptimizerSpec("sgd", 0.1, null, null, null, null, null, true))
        .hasMessageContaining("epsilonInside applies to adam only");
  }
}
