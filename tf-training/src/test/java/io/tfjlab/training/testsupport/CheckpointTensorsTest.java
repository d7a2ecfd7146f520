package io.tfjlab.training.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;

/** The checkpoint reader against a checkpoint TensorFlow itself writes. */
class CheckpointTensorsTest {
  @TempDir Path dir;

  @Test
  void readsEveryVariableOfASavedSessionWithItsShapeAndValues() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Ops layer = tf.withSubScope("layer");
      layer
          .withName("kernel")
          .variable(tf.constant(new float[][] {{1.5f, -2f, 3f}, {4f, 5f, -6.25f}}));
      layer.withName("bias").variable(tf.constant(new float[] {0.125f}));
      try (Session s = new Session(g, io.tfjlab.models.runtime.Placement.CPU.sessionConfig(1))) {
        s.initialize();
        s.save(dir.resolve("model").toString());
      }
    }
    Map<String, CheckpointTensors.Entry> t = CheckpointTensors.read(dir.resolve("model"));
    assertThat(t).containsOnlyKeys("layer/bias", "layer/kernel");
    CheckpointTensors.Entry kernel = t.get("layer/kernel");
    assertThat(kernel.dtype()).isEqualTo(DataType.DT_FLOAT);
    assertThat(kernel.shape()).containsExactly(2, 3);
    assertThat(kernel.floats()).containsExactly(1.5f, -2f, 3f, 4f, 5f, -6.25f);
    assertThat(t.get("layer/bias").floats()).containsExactly(0.125f);
  }
}
