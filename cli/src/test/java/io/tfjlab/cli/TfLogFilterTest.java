package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The filter the {@code ./tfjlab} launcher puts on the CLI's stderr (without {@code --verbose}):
 * TensorFlow's native INFO and WARNING lines, including the two that TF_CPP_MIN_LOG_LEVEL=2 does
 * not silence in TensorFlow 2.18 (as printed by {@code ./tfjlab train} here), are dropped; errors,
 * ours and TensorFlow's, pass.
 */
class TfLogFilterTest {
  static final Path FILTER = Path.of("..", "scripts", "tf-log-filter.sh");

  @Test
  void dropsTensorFlowNoticesAndKeepsErrors() throws Exception {
    List<String> dropped =
        List.of(
            "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
            "I0000 00:00:1796172537.084368   22787 mlir_graph_optimization_pass.cc:401] MLIR V1"
                + " optimization pass is not enabled",
            "W0000 00:00:1796172537.084368   22787 some_op.cc:12] a warning",
            "2026-12-02 00:11:22.333444: I tensorflow/core/util/port.cc:153] oneDNN custom"
                + " operations are on. You may see slightly different numerical results",
            "E0000 00:00:1796176452.063954   30136 meta_optimizer.cc:966] remapper failed:"
                + " INVALID_ARGUMENT: Mutation::Apply error: fanout 'Gradients/LeakyReluGrad' exist"
                + " for missing node 'BiasAdd_7'.");
    List<String> kept =
        List.of(
            "error: unknown model 'nosuch'; known: cnn, mlp",
            "E0000 00:00:1796172537.084368   22787 op_kernel.cc:1]"
                + " OP_REQUIRES failed: out of memory",
            "Stopped at phase classifier, epoch 2 after 3 batches (step 9); checkpoint 'last'"
                + " holds phase 1, epoch 1. Resume with: ./tfjlab train --resume runs/x",
            "I0000 is not a log line without its source file",
            "error: training stopped: loss is NaN at phase classifier");
    Process p = new ProcessBuilder(FILTER.toString()).redirectErrorStream(true).start();
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < dropped.size(); i++) {
      in.append(dropped.get(i)).append('\n').append(kept.get(i)).append('\n');
    }
    try (var w = p.getOutputStream()) {
      w.write(in.toString().getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(out.lines().toList()).containsExactlyElementsOf(kept);
  }
}
