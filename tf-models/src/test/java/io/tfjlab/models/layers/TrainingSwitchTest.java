package io.tfjlab.models.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.TrainingSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

class TrainingSwitchTest {
  static final float[] X = {1f, -2f, 3f, 0.5f, -1.5f, 2.5f};

  /**
   * Training branch: (x * w)^2 behind a check that fails on a NaN; inference branch: x * w + 1.
   * Loss: the sum of the merged result.
   */
  @Test
  void onlyTheTakenBranchRunsAndGradientsFollowIt() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Variable<TFloat32> w = tf.variable(tf.constant(new float[] {2f, 3f, -1f}));
      TrainingSwitch.Split<TFloat32> xs = TrainingSwitch.split(ctx, x);
      TrainingSwitch.Split<TFloat32> ws = TrainingSwitch.split(ctx, tf.identity(w));
      Operand<TFloat32> checked =
          tf.withControlDependencies(
                  List.of(tf.debugging.checkNumerics(xs.training(), "training branch ran")))
              .identity(xs.training());
      Operand<TFloat32> training = tf.math.square(tf.math.mul(checked, ws.training()));
      Operand<TFloat32> inference =
          tf.math.add(tf.math.mul(xs.inference(), ws.inference()), tf.constant(1f));
      Operand<TFloat32> y = TrainingSwitch.merge(ctx, inference, training);
      Operand<TFloat32> loss = tf.reduceSum(y, tf.constant(new int[] {0, 1}));
      Gradients grads = tf.gradients(loss, List.of(x, w));
      float[] nan = X.clone();
      nan[4] = Float.NaN;
      try (Session s = new Session(g, LayerTestSupport.ONE_THREAD)) {
        s.initialize();
        // inference: x * w + 1, and the training branch (fed a NaN) did not run
        float[] inf = values(s, y, x, nan, false);
        assertThat(inf[0]).isEqualTo(3f);
        assertThat(inf[5]).isEqualTo(-1.5f);
        assertThat(inf[4]).isNaN();
        // training: (x w)^2; the same NaN now reaches the check
        assertThat(values(s, y, x, X, true)).containsExactly(4f, 36f, 9f, 1f, 20.25f, 6.25f);
        assertThatThrownBy(() -> values(s, y, x, nan, true))
            .hasMessageContaining("training branch ran");
        // d/dx (x w)^2 = 2 x w^2, d/dw = the sum over rows of 2 x^2 w
        assertThat(values(s, grads.dy(0), x, X, true)).containsExactly(8f, -36f, 6f, 4f, -27f, 5f);
        assertThat(values(s, grads.dy(1), x, X, true)).containsExactly(5f, 37.5f, -30.5f);
      }
    }
  }

  static float[] values(
      Session s, Operand<TFloat32> y, Placeholder<TFloat32> x, float[] data, boolean training) {
    try (TFloat32 xt =
            TFloat32.tensorOf(Shape.of(2, 3), DataBuffers.of(data.clone(), true, false));
        TBool t = TBool.scalarOf(training);
        Result r = s.runner().feed(x, xt).feed(ModelContext.TRAINING, t).fetch(y).run()) {
      TFloat32 out = (TFloat32) r.get(0);
      float[] v = new float[(int) out.size()];
      out.copyTo(DataBuffers.of(v, false, false));
      return v;
    }
  }
}
