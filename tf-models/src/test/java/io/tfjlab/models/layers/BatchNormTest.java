package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.fetch;
import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.runTargets;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class BatchNormTest {
  static final int B = 8;
  static final int H = 3;
  static final int W = 3;
  static final int C = 3;
  static final long[] IN = {H, W, C};
  static final long[] FULL = {B, H, W, C};
  static final float EPS = 1e-3f;
  static final float[] X = data();

  /** Channel c has mean about 2c - 1 and std about c + 1.5, so the channels differ. */
  static float[] data() {
    Random r = new Random(31);
    float[] x = new float[B * H * W * C];
    for (int i = 0; i < x.length; i++) {
      int c = i % C;
      x[i] = (float) (2 * c - 1 + (c + 1.5) * r.nextGaussian());
    }
    return x;
  }

  /** Per-channel population mean [0] and variance [1] of an NHWC array. */
  static double[][] moments(float[] x) {
    double[] mean = new double[C];
    double[] var = new double[C];
    int per = x.length / C;
    for (int i = 0; i < x.length; i++) {
      mean[i % C] += x[i];
    }
    for (int c = 0; c < C; c++) {
      mean[c] /= per;
    }
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - mean[i % C];
      var[i % C] += d * d;
    }
    for (int c = 0; c < C; c++) {
      var[c] /= per;
    }
    return new double[][] {mean, var};
  }

  @Test
  void trainingModeNormalisesEachChannelWithTheBatchStatistics() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, IN);
      Operand<TFloat32> y = new BatchNorm().apply(ctx, x, IN);
      try (Session s = session(g)) {
        float[] out = run(s, y, x, X, FULL, true, null).values();
        double[][] in = moments(X);
        double[][] m = moments(out);
        for (int c = 0; c < C; c++) {
          assertThat(m[0][c]).as("mean of channel %d", c).isCloseTo(0.0, within(1e-5));
          assertThat(m[1][c])
              .as("variance of channel %d", c)
              .isCloseTo(in[1][c] / (in[1][c] + EPS), within(1e-4));
          assertThat(m[1][c]).isCloseTo(1.0, within(2e-3));
        }
        // and element by element
        for (int i = 0; i < X.length; i++) {
          int c = i % C;
          double expected = (X[i] - in[0][c]) / Math.sqrt(in[1][c] + EPS);
          assertThat(out[i]).isCloseTo((float) expected, within(1e-4f));
        }
      }
    }
  }

  @Test
  void inferenceModeUsesTheMovingStatistics() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, IN);
      Operand<TFloat32> y = new BatchNorm().apply(ctx, x, IN);
      try (Session s = session(g)) {
        float scale = (float) (1 / Math.sqrt(1 + EPS));
        for (Boolean training : new Boolean[] {null, false}) {
          float[] out = run(s, y, x, X, FULL, training, null).values();
          for (int i = 0; i < X.length; i++) {
            assertThat(out[i])
                .as("training=%s element %d", training, i)
                .isCloseTo(X[i] * scale, within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void oneUpdateStepMovesTheMovingStatisticsByOneMinusMomentum() {
    double momentum = 0.9;
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, IN);
      BatchNorm bn = new BatchNorm(momentum, EPS, true, true);
      Operand<TFloat32> y = bn.apply(ctx, x, IN);
      assertThat(ctx.updateOps()).hasSize(2);
      Variable<TFloat32> movingMean = bn.nonTrainableVariables().get(0);
      Variable<TFloat32> movingVar = bn.nonTrainableVariables().get(1);
      assertThat(movingMean.op().name()).isEqualTo("batch_normalization/moving_mean");
      assertThat(movingVar.op().name()).isEqualTo("batch_normalization/moving_variance");
      try (Session s = session(g)) {
        assertThat(fetch(s, movingMean)).containsExactly(0, 0, 0);
        assertThat(fetch(s, movingVar)).containsExactly(1, 1, 1);
        runTargets(s, ctx.updateOps(), x, X, FULL);
        double[][] batch = moments(X);
        float[] mm = fetch(s, movingMean);
        float[] mv = fetch(s, movingVar);
        for (int c = 0; c < C; c++) {
          assertThat(mm[c])
              .as("moving mean %d", c)
              .isCloseTo((float) ((1 - momentum) * batch[0][c]), within(1e-5f));
          assertThat(mv[c])
              .as("moving variance %d", c)
              .isCloseTo((float) (momentum * 1 + (1 - momentum) * batch[1][c]), within(1e-4f));
        }
        // inference now uses the updated statistics
        float[] out = run(s, y, x, X, FULL, false, null).values();
        for (int i = 0; i < X.length; i++) {
          int c = i % C;
          assertThat(out[i])
              .isCloseTo((float) ((X[i] - mm[c]) / Math.sqrt(mv[c] + EPS)), within(1e-4f));
        }
        // a training-mode forward pass alone does not touch the moving statistics
        run(s, y, x, X, FULL, true, null);
        assertThat(fetch(s, movingMean)).containsExactly(mm);
      }
    }
  }

  @Test
  void applyingTwiceSharesVariablesAndRegistersTheUpdatesOnce() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      BatchNorm bn = new BatchNorm();
      bn.apply(ctx, input(ctx, IN), IN);
      bn.apply(ctx, input(ctx, IN), IN);
      assertThat(ctx.updateOps()).hasSize(2);
      assertThat(bn.trainableVariables()).hasSize(2);
      assertThat(bn.nonTrainableVariables()).hasSize(2);
    }
  }

  @Test
  void parameterCountsAreFourCWithTwoCNonTrainable() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      BatchNorm bn = new BatchNorm();
      bn.apply(ctx, input(ctx, 5, 5, 16), new long[] {5, 5, 16});
      assertThat(bn.trainableParameters()).isEqualTo(2 * 16);
      assertThat(bn.nonTrainableParameters()).isEqualTo(2 * 16);
      assertThat(bn.type()).isEqualTo("BatchNormalization");

      BatchNorm flat = new BatchNorm();
      flat.apply(ctx, input(ctx, 256), new long[] {256});
      assertThat(flat.trainableParameters() + flat.nonTrainableParameters()).isEqualTo(4 * 256);
      assertThat(flat.name()).isEqualTo("batch_normalization_1");

      BatchNorm bare = new BatchNorm(0.99, 1e-3, false, false);
      bare.apply(ctx, input(ctx, 8), new long[] {8});
      assertThat(bare.trainableParameters()).isZero();
      assertThat(bare.nonTrainableParameters()).isEqualTo(16);
    }
  }

  @Test
  void dcganDiscriminatorBatchNormsHave384NonTrainableParameters() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      BatchNorm bn64 = new BatchNorm();
      BatchNorm bn128 = new BatchNorm();
      bn64.apply(ctx, input(ctx, 14, 14, 64), new long[] {14, 14, 64});
      bn128.apply(ctx, input(ctx, 7, 7, 128), new long[] {7, 7, 128});
      assertThat(bn64.nonTrainableParameters() + bn128.nonTrainableParameters()).isEqualTo(384);
      assertThat(bn64.trainableParameters() + bn128.trainableParameters()).isEqualTo(384);
    }
  }

  @Test
  void gammaAndBetaScaleAndShiftTheOutput() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, IN);
      BatchNorm bn = new BatchNorm();
      Operand<TFloat32> y = bn.apply(ctx, x, IN);
      Variable<TFloat32> gamma = bn.trainableVariables().get(0);
      Variable<TFloat32> beta = bn.trainableVariables().get(1);
      assertThat(gamma.op().name()).isEqualTo("batch_normalization/gamma");
      assertThat(beta.op().name()).isEqualTo("batch_normalization/beta");
      try (Session s = session(g)) {
        float[] gv = {2f, 0.5f, -1f};
        float[] bv = {1f, -3f, 0.25f};
        s.run(ctx.tf().assign(gamma, ctx.tf().constant(gv)));
        s.run(ctx.tf().assign(beta, ctx.tf().constant(bv)));
        float[] out = run(s, y, x, X, FULL, true, null).values();
        double[][] in = moments(X);
        for (int i = 0; i < X.length; i++) {
          int c = i % C;
          double expected = gv[c] * (X[i] - in[0][c]) / Math.sqrt(in[1][c] + EPS) + bv[c];
          assertThat(out[i]).isCloseTo((float) expected, within(2e-4f));
        }
      }
    }
  }

  /** Training-mode gradients against the batch-norm formula's, worked out in doubles here. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void trainingGradientsAreTheBatchNormFormulas(boolean convolutional) {
    long[] in = convolutional ? IN : new long[] {C};
    long[] full = convolutional ? FULL : new long[] {X.length / C, C};
    float[] r = new float[X.length];
    Random rnd = new Random(5);
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) rnd.nextGaussian();
    }
    float[] gv = {2f, 0.5f, -1f};
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      org.tensorflow.op.Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(ctx, in);
      BatchNorm bn = new BatchNorm();
      Operand<TFloat32> y = bn.apply(ctx, x, in);
      Variable<TFloat32> gamma = bn.trainableVariables().get(0);
      Variable<TFloat32> beta = bn.trainableVariables().get(1);
      Operand<TFloat32> loss =
          tf.reduceSum(
              tf.math.mul(
                  y,
                  tf.constant(
                      org.tensorflow.ndarray.Shape.of(full),
                      org.tensorflow.ndarray.buffer.DataBuffers.of(r))),
              tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
      org.tensorflow.op.core.Gradients grads = tf.gradients(loss, List.of(x, gamma, beta));
      try (Session s = session(g)) {
        s.run(tf.assign(gamma, tf.constant(gv)));
        float[] dx = run(s, grads.dy(0), x, X, full, true, null).values();
        float[] dg = run(s, grads.dy(1), x, X, full, true, null).values();
        float[] db = run(s, grads.dy(2), x, X, full, true, null).values();
        double[][] m = moments(X);
        int n = X.length / C;
        double[] sumDy = new double[C];
        double[] sumDyXhat = new double[C];
        for (int i = 0; i < X.length; i++) {
          int c = i % C;
          double xhat = (X[i] - m[0][c]) / Math.sqrt(m[1][c] + EPS);
          sumDy[c] += r[i];
          sumDyXhat[c] += r[i] * xhat;
        }
        for (int c = 0; c < C; c++) {
          assertThat(db[c]).as("d beta %d", c).isCloseTo((float) sumDy[c], within(1e-4f));
          assertThat(dg[c]).as("d gamma %d", c).isCloseTo((float) sumDyXhat[c], within(1e-4f));
        }
        for (int i = 0; i < X.length; i++) {
          int c = i % C;
          double inv = 1 / Math.sqrt(m[1][c] + EPS);
          double xhat = (X[i] - m[0][c]) * inv;
          double expected = gv[c] * inv / n * (n * r[i] - sumDy[c] - xhat * sumDyXhat[c]);
          assertThat(dx[i]).as("d x %d", i).isCloseTo((float) expected, within(1e-4f));
        }
      }
    }
  }
}
