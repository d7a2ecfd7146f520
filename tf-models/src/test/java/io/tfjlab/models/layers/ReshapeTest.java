package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.random;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.LayerTestSupport.Out;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ReshapeTest {

  @Test
  void flattenShapes() {
    Reshape flat = Reshape.flatten();
    assertThat(flat.outputShape(new long[] {28, 28, 1})).containsExactly(784);
    assertThat(flat.outputShape(new long[] {12, 12, 64})).containsExactly(9216);
    assertThat(flat.outputShape(new long[] {10})).containsExactly(10);
    assertThat(flat.type()).isEqualTo("Flatten");
    assertThat(flat.name()).isEqualTo("flatten");
  }

  @Test
  void toShapesAndSizeMismatch() {
    Reshape r = Reshape.to(7, 7, 64);
    assertThat(r.outputShape(new long[] {3136})).containsExactly(7, 7, 64);
    assertThat(r.outputShape(new long[] {49, 64})).containsExactly(7, 7, 64);
    assertThat(r.type()).isEqualTo("Reshape");
    assertThatThrownBy(() -> r.outputShape(new long[] {3137}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot reshape [3137] to [7, 7, 64]");
    long[] target = {2, 3};
    Reshape copy = Reshape.to(target);
    target[0] = 3;
    assertThat(copy.outputShape(new long[] {6})).containsExactly(2, 3);
  }

  @Test
  void reshapeKeepsTheRowMajorOrderWithADynamicBatch() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 2, 3, 2);
      Reshape flat = Reshape.flatten();
      Reshape back = Reshape.to(3, 4);
      Operand<TFloat32> f = flat.apply(ctx, x, new long[] {2, 3, 2});
      Operand<TFloat32> b = back.apply(ctx, f, new long[] {12});
      try (Session s = session(g)) {
        for (int batch : new int[] {1, 3}) {
          float[] xv = random(batch, batch * 12, 0, 1);
          Out fo = run(s, f, x, xv, batch, 2, 3, 2);
          Out bo = run(s, b, x, xv, batch, 2, 3, 2);
          assertThat(fo.shape()).containsExactly(batch, 12);
          assertThat(bo.shape()).containsExactly(batch, 3, 4);
          assertThat(fo.values()).containsExactly(xv);
          assertThat(bo.values()).containsExactly(xv);
        }
      }
    }
  }

  @Test
  void applyingToAMismatchedShapeFails() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Reshape r = Reshape.to(5, 5);
      assertThatThrownBy(() -> r.apply(ctx, input(ctx, 24), new long[] {24}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot reshape");
    }
  }
}
