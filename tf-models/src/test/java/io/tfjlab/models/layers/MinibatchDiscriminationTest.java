package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.fetch;
import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.LayerTestSupport.Out;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class MinibatchDiscriminationTest {
  private static final double E1 = Math.exp(-1);
  private static final double E2 = Math.exp(-2);
  private static final double E3 = Math.exp(-3);
  private static final double E5 = Math.exp(-5);

  /** Three rows of two features: (0, 0), (1, 2), (3, 2). */
  private static final float[] F = {0, 0, 1, 2, 3, 2};

  /**
   * Applies a layer with T set to {@code tValues} (A×B×C row-major) to {@code f} of {@code n} rows.
   */
  private static Out applyWithT(
      MinibatchDiscrimination layer, float[] tValues, float[] f, int n, int a) {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = input(ctx, a);
      Operand<TFloat32> y = layer.apply(ctx, x, new long[] {a});
      long[] dims = layer.projection().shape().asArray();
      try (Session s = session(g)) {
        s.run(tf.assign(layer.projection(), tf.reshape(tf.constant(tValues), tf.constant(dims))));
        return run(s, y, x, f, n, a);
      }
    }
  }

  @Test
  void twoKernelsOfOneDimensionMatchAHandComputation() {
    // T picks feature 0 for kernel 0 and feature 1 for kernel 1, so M_i,b = f_i,b
    Out out = applyWithT(new MinibatchDiscrimination(2, 1), new float[] {1, 0, 0, 1}, F, 3, 2);
    assertThat(out.shape()).containsExactly(3, 4);
    // kernel 0 sees 0, 1, 3 (distances 1, 3, 2); kernel 1 sees 0, 2, 2 (distances 2, 2, 0)
    double[] expected = {
      0, 0, E1 + E3, E2 + E2,
      1, 2, E1 + E2, E2 + 1,
      3, 2, E3 + E2, E2 + 1
    };
    for (int i = 0; i < expected.length; i++) {
      assertThat(out.values()[i]).as("value %d", i).isCloseTo((float) expected[i], within(1e-6f));
    }
  }

  @Test
  void oneKernelOfTwoDimensionsSumsTheAbsoluteDifferences() {
    // T = identity (A = C = 2): M_i = f_i, distances are the L1 distances of the rows: 3, 5, 2
    Out out = applyWithT(new MinibatchDiscrimination(1, 2), new float[] {1, 0, 0, 1}, F, 3, 2);
    assertThat(out.shape()).containsExactly(3, 3);
    assertThat(out.values()[2]).isCloseTo((float) (E3 + E5), within(1e-6f));
    assertThat(out.values()[5]).isCloseTo((float) (E3 + E2), within(1e-6f));
    assertThat(out.values()[8]).isCloseTo((float) (E5 + E2), within(1e-6f));
  }

  @Test
  void matchesAPlainLoopOnRandomValuesAndASingleRowHasNoOthers() {
    int n = 5;
    int a = 4;
    int b = 3;
    int c = 2;
    float[] t = random(11, a * b * c, -1, 1);
    float[] f = random(12, n * a, 0, 1);
    Out out = applyWithT(new MinibatchDiscrimination(b, c), t, f, n, a);
    double[][][] m = new double[n][b][c];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < b; k++) {
        for (int d = 0; d < c; d++) {
          for (int j = 0; j < a; j++) {
            m[i][k][d] += f[i * a + j] * t[(j * b + k) * c + d];
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < b; k++) {
        double o = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            double dist = 0;
            for (int d = 0; d < c; d++) {
              dist += Math.abs(m[i][k][d] - m[j][k][d]);
            }
            o += Math.exp(-dist);
          }
        }
        assertThat(out.values()[i * (a + b) + a + k])
            .as("row %d kernel %d", i, k)
            .isCloseTo((float) o, within(1e-5f));
      }
      for (int j = 0; j < a; j++) {
        assertThat(out.values()[i * (a + b) + j]).isEqualTo(f[i * a + j]);
      }
    }
    // alone in its batch, a row is close to no other row
    Out single = applyWithT(new MinibatchDiscrimination(b, c), t, Arrays.copyOf(f, a), 1, a);
    for (int k = 0; k < b; k++) {
      assertThat(single.values()[a + k]).isZero();
    }
  }

  @Test
  void projectionHasAxBxCParametersAndIsAKernel() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      MinibatchDiscrimination layer = new MinibatchDiscrimination(100, 5);
      layer.apply(ctx, input(ctx, 250), new long[] {250});
      assertThat(layer.projection().shape().asArray()).containsExactly(250, 100, 5);
      assertThat(layer.trainableParameters()).isEqualTo(250L * 100 * 5);
      assertThat(layer.nonTrainableParameters()).isZero();
      assertThat(layer.kernels()).containsExactly(layer.projection());
      assertThat(layer.outputShape(new long[] {250})).containsExactly(350);
      assertThat(layer.name()).isEqualTo("minibatch");
      assertThat(layer.projection().op().name()).isEqualTo("minibatch/kernel");
    }
  }

  @Test
  void theProjectionGetsAGradient() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Ops tf = ctx.tf();
      MinibatchDiscrimination layer = new MinibatchDiscrimination(3, 2);
      Placeholder<TFloat32> x = input(ctx, 4);
      Operand<TFloat32> y = layer.apply(ctx, x, new long[] {4});
      Output<?>[] grads =
          g.addGradients(
              tf.reduceSum(y, tf.constant(new int[] {0, 1})).asOutput(),
              new Output<?>[] {layer.projection().asOutput()});
      @SuppressWarnings("unchecked")
      Operand<TFloat32> grad = (Operand<TFloat32>) grads[0];
      try (Session s = session(g)) {
        float[] gv = run(s, grad, x, random(5, 6 * 4, 0, 1), 6, 4).values();
        assertThat(gv).hasSize(4 * 3 * 2);
        double sum = 0;
        for (float v : gv) {
          assertThat(v).isFinite();
          sum += Math.abs(v);
        }
        assertThat(sum).isPositive();
      }
    }
  }

  @Test
  void dataInitSetsTheNearestOtherRowAtDistanceTwoPerGroupOfAHundredRows() {
    int a = 6;
    int b = 4;
    int c = 3;
    int n = 2 * MinibatchDiscrimination.INIT_GROUP + 7;
    MinibatchDiscrimination layer = new MinibatchDiscrimination(b, c);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 3);
      Placeholder<TFloat32> x = input(ctx, a);
      List<Op> assigns = new ArrayList<>();
      Operand<TFloat32> initOut = layer.initApply(ctx, x, new long[] {a}, assigns);
      Operand<TFloat32> y = layer.apply(ctx, x, new long[] {a});
      Op init = ctx.tf().withControlDependencies(assigns).noOp();
      float[] data = random(4, n * a, 0, 1);
      try (Session s = session(g)) {
        Out expected = run(s, initOut, x, data, n, a);
        // two full groups; the 7 rows after them are left out
        assertThat(expected.shape()).containsExactly(200, a + b);
        try (TFloat32 xt = LayerTestSupport.tensor(data, n, a)) {
          s.runner().feed(x, xt).addTarget(init).run();
        }
        float[] t = fetch(s, layer.projection());
        for (int group = 0; group < 2; group++) {
          int rows = MinibatchDiscrimination.INIT_GROUP;
          float[] part = Arrays.copyOfRange(data, group * rows * a, (group + 1) * rows * a);
          Out out = run(s, y, x, part, rows, a);
          for (int i = 0; i < out.values().length; i++) {
            assertThat(out.values()[i])
                .isCloseTo(expected.values()[group * rows * (a + b) + i], within(2e-4f));
          }
        }
        // the mean over both groups of the L1 distance to the nearest other row is 2 for every
        // kernel
        for (int k = 0; k < b; k++) {
          double total = 0;
          for (int group = 0; group < 2; group++) {
            for (int i = 0; i < 100; i++) {
              double nearest = Double.MAX_VALUE;
              for (int j = 0; j < 100; j++) {
                if (j != i) {
                  nearest =
                      Math.min(
                          nearest, distance(data, t, group * 100 + i, group * 100 + j, k, a, b, c));
                }
              }
              total += nearest;
            }
          }
          assertThat(total / 200).as("kernel %d", k).isCloseTo(2.0, within(1e-3));
        }
      }
    }
  }

  private static double distance(float[] f, float[] t, int i, int j, int k, int a, int b, int c) {
    double dist = 0;
    for (int d = 0; d < c; d++) {
      double mi = 0;
      double mj = 0;
      for (int q = 0; q < a; q++) {
        mi += f[i * a + q] * t[(q * b + k) * c + d];
        mj += f[j * a + q] * t[(q * b + k) * c + d];
      }
      dist += Math.abs(mi - mj);
    }
    return dist;
  }

  @Test
  void rejectsBadSizesAndANonFlatInput() {
    assertThatThrownBy(() -> new MinibatchDiscrimination(0, 5)).hasMessageContaining("kernels");
    assertThatThrownBy(() -> new MinibatchDiscrimination(100, 0)).hasMessageContaining("dims");
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      MinibatchDiscrimination layer = new MinibatchDiscrimination(2, 2);
      assertThatThrownBy(() -> layer.apply(ctx, input(ctx, 2, 2), new long[] {2, 2}))
          .hasMessageContaining("Flatten")
          .hasMessageContaining("[2, 2]");
    }
  }
}
