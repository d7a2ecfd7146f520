package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.models.graph.ModelContext;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class SequentialTest {

  @Test
  void smallCnnShapesVariablesAndRuntimeOutput() {
    Sequential model =
        Sequential.of(
            new Conv2D(4, 3, 1, Padding.VALID, Activation.RELU),
            MaxPool.pool2d(2),
            new BatchNorm(),
            Reshape.flatten(),
            new Dropout(0.5),
            new Dense(3, Activation.SOFTMAX));
    long[] in = {10, 10, 1};
    assertThat(model.outputShape(in)).containsExactly(3);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 2);
      Placeholder<TFloat32> x = input(ctx, in);
      Operand<TFloat32> y = model.apply(ctx, x, in);
      assertThat(model.outputShapes())
          .containsExactly(
              new long[] {8, 8, 4},
              new long[] {4, 4, 4},
              new long[] {4, 4, 4},
              new long[] {64},
              new long[] {64},
              new long[] {3});
      // conv 3*3*1*4+4, bn gamma+beta 8, dense 64*3+3
      assertThat(model.trainableVariables().stream().mapToLong(v -> v.shape().size()).sum())
          .isEqualTo(40 + 8 + 195);
      assertThat(model.nonTrainableVariables()).hasSize(2);
      assertThat(model.kernels()).hasSize(2);
      try (Session s = session(g)) {
        float[] out =
            run(s, y, x, random(1, 200, 0, 1), new long[] {2, 10, 10, 1}, true, new long[] {1, 1})
                .values();
        assertThat(out).hasSize(6);
        assertThat(out[0] + out[1] + out[2])
            .isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-5f));
      }
    }
  }
}
