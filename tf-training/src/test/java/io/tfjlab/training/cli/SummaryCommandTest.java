package io.tfjlab.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code summary} of a spec file's layer list and of a zoo model: the same Keras-style table. */
class SummaryCommandTest {
  /** Runs {@code summary} with these arguments: exit code, then what it printed (out, then err). */
  static String[] summary(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(captured, true));
      CommandLine cl = new CommandLine(new SummaryCommand()).setErr(new PrintWriter(err));
      cl.setExecutionExceptionHandler(
          (ex, c, p) -> {
            c.getErr().println("error: " + ex.getMessage());
            return 2;
          });
      int code = cl.execute(args);
      return new String[] {Integer.toString(code), captured.toString(), err.toString()};
    } finally {
      System.setOut(stdout);
    }
  }

  @Test
  void theLayerListOfASpecFileGetsTheZooCnnsTable() {
    String[] list = summary("--spec", "../examples/layers-cnn.json");
    String[] zoo = summary("--model", "cnn");
    assertThat(list[0]).isEqualTo("0");
    assertThat(list[1])
        .contains(
            "Model: \"layers\"",
            "conv2d (Conv2D)",
            "(None, 24, 24, 64)",
            "max_pooling2d (MaxPooling2D)",
            "dense_2 (Dense)",
            "(None, 10)",
            "Total params: 1,190,346");
    assertThat(list[1].replace("Model: \"layers\"", "Model: \"cnn\"")).isEqualTo(zoo[1]);
  }

  @Test
  void theDataSetOptionOverridesTheSpecsAndBadSpecsAreOneLine() {
    assertThat(summary("--spec", "../examples/layers-mlp.json", "--dataset", "usps")[1])
        .contains("(None, 256)", "Total params: 62,710");
    String[] bad = summary("--spec", "../examples/layers-cnn.json", "--dropout", "0.5");
    assertThat(bad[0]).isEqualTo("2");
    assertThat(bad[2].strip())
        .isEqualTo(
            "error: model.dropout does not apply to layers (its options: layers, standardize);"
                + " describe the "
                + "network in model.layers (e.g. a {\"type\": \"dropout\", \"rate\": 0.5} layer)");
    assertThat(summary("--spec", "nowhere.json")[2]).contains("spec file nowhere.json not found");
  }
}
