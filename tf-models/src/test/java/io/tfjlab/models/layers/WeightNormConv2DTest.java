package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static io.tfjlab.models.layers.LayerTestSupport.withBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.LayerTestSupport.Out;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class WeightNormConv2DTest {
  private static final long[] IN = {9, 9, 3};
  private static final int N = 16;

  @Test
  void dataInitGivesEveryChannelZeroMeanAndUnitVarianceAndTheLayerKeepsThatOutput() {
    WeightNormConv2D conv = new WeightNormConv2D(5, 3, 2, Padding.SAME, Activation.LINEAR);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 7);
      Placeholder<TFloat32> x = input(ctx, IN);
      List<Op> assigns = new ArrayList<>();
      Operand<TFloat32> initOut = conv.initApply(ctx, x, IN, assigns);
      Operand<TFloat32> y = conv.apply(ctx, x, IN);
      Op init = ctx.tf().withControlDependencies(assigns).noOp();
      float[] data = random(3, N * 9 * 9 * 3, -1, 2);
      try (Session s = session(g)) {
        Out expected = run(s, initOut, x, data, withBatch(N, IN));
        try (TFloat32 xt = LayerTestSupport.tensor(data, withBatch(N, IN))) {
          s.runner().feed(x, xt).addTarget(init).run();
        }
        Out out = run(s, y, x, data, withBatch(N, IN));
        assertThat(out.shape()).containsExactly(N, 5, 5, 5);
        for (int i = 0; i < out.values().length; i++) {
          assertThat(out.values()[i]).isCloseTo(expected.values()[i], within(1e-4f));
        }
        for (int c = 0; c < 5; c++) {
          double sum = 0;
          double sq = 0;
          int n = 0;
          for (int i = c; i < out.values().length; i += 5) {
            sum += out.values()[i];
            sq += out.values()[i] * out.values()[i];
            n++;
          }
          double mean = sum / n;
          assertThat(mean).isCloseTo(0, within(1e-4));
          assertThat(Math.sqrt(sq / n - mean * mean)).isCloseTo(1, within(1e-3));
        }
      }
    }
  }

  @Test
  void hasADirectionTensorAScaleAndABiasPerChannel() {
    WeightNormConv2D conv = new WeightNormConv2D(32, 3, 2, Padding.SAME, Activation.LEAKY_RELU);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      conv.apply(ctx, input(ctx, 28, 28, 1), new long[] {28, 28, 1});
      assertThat(conv.trainableParameters()).isEqualTo(3 * 3 * 32 + 32 + 32);
      assertThat(conv.outputShape(new long[] {28, 28, 1})).containsExactly(14, 14, 32);
      assertThat(conv.kernels()).hasSize(1);
    }
  }
}
