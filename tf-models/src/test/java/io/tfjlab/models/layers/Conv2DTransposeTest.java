package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.fetch;
import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static io.tfjlab.models.layers.LayerTestSupport.withBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.LayerTestSupport.Out;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class Conv2DTransposeTest {

  @ParameterizedTest(name = "7x7x64 -> k{0}/{1} {2} -> {3}x{3}x{4}")
  @CsvSource({
    "5, 2, SAME, 14, 32",
    "4, 2, SAME, 14, 1",
    "5, 1, SAME, 7, 8",
    "5, 2, VALID, 17, 4",
    "4, 2, VALID, 16, 4",
  })
  void runtimeShapeMatchesOutputShapeForTwoBatchSizes(
      int k, int stride, Padding padding, long side, int filters) {
    long[] in = {7, 7, 64};
    Conv2DTranspose up = new Conv2DTranspose(filters, k, stride, padding, Activation.TANH, false);
    assertThat(up.outputShape(in)).containsExactly(side, side, filters);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 4);
      Placeholder<TFloat32> x = input(ctx, in);
      Operand<TFloat32> y = up.apply(ctx, x, in);
      try (Session s = session(g)) {
        for (int batch : new int[] {1, 3}) {
          Out out =
              run(
                  s,
                  y,
                  x,
                  random(batch, (int) (batch * Shapes.size(in)), -1, 1),
                  withBatch(batch, in));
          assertThat(out.shape())
              .as("batch %d", batch)
              .containsExactly(withBatch(batch, up.outputShape(in)));
        }
      }
    }
  }

  @Test
  void parameterCountAndKernelLayout() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Conv2DTranspose up = new Conv2DTranspose(32, 5, 2, Padding.SAME, Activation.RELU, true);
      up.apply(ctx, input(ctx, 7, 7, 64), new long[] {7, 7, 64});
      assertThat(up.kernels().get(0).shape().asArray()).containsExactly(5, 5, 32, 64);
      assertThat(up.trainableParameters()).isEqualTo(5 * 5 * 32 * 64 + 32);
      Conv2DTranspose noBias = new Conv2DTranspose(1, 5, 2, Padding.SAME, Activation.TANH, false);
      noBias.apply(ctx, input(ctx, 14, 14, 32), new long[] {14, 14, 32});
      assertThat(noBias.trainableParameters()).isEqualTo(5 * 5 * 1 * 32);
    }
  }

  @Test
  void oneInputPixelStampsTheKernel() {
    // 1x1x1 input, 2x2 kernel, stride 2 SAME -> 2x2 output, out[i][j] = x * k[i][j] + b
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 8);
      Placeholder<TFloat32> x = input(ctx, 1, 1, 1);
      Conv2DTranspose up = new Conv2DTranspose(1, 2, 2, Padding.SAME, Activation.LINEAR, true);
      Operand<TFloat32> y = up.apply(ctx, x, new long[] {1, 1, 1});
      try (Session s = session(g)) {
        float[] k = fetch(s, up.kernels().get(0));
        Out out = run(s, y, x, new float[] {3f}, 1, 1, 1, 1);
        assertThat(out.shape()).containsExactly(1, 2, 2, 1);
        for (int i = 0; i < 4; i++) {
          assertThat(out.values()[i]).isCloseTo(3f * k[i], within(1e-6f));
        }
      }
    }
  }
}
