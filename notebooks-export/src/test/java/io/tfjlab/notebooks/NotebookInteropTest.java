package io.tfjlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.interop.PythonInterop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks our notebooks with the real Python tools: nbformat's validator, nbconvert, TensorFlow. */
class NotebookInteropTest {
  @TempDir Path dir;

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static void assertEmbeds(String html, Path... pngs) throws IOException {
    for (Path png : pngs) {
      assertThat(html)
          .contains(
              "src=\"data:image/png;base64,"
                  + Base64.getEncoder().encodeToString(Files.readAllBytes(png)));
    }
  }

  private String validate(Path notebook) throws Exception {
    return PythonInterop.script("validate_notebook.py", dir, Map.of(), notebook.toString());
  }

  /** Renders with nbconvert and returns the HTML. */
  private String html(Path notebook) throws Exception {
    Path out = Files.createDirectories(dir.resolve("html-" + notebook.getFileName()));
    PythonInterop.python(
        dir,
        Map.of(),
        List.of(
            "-m",
            "nbconvert",
            "--to",
            "html",
            "--output-dir",
            out.toString(),
            notebook.toString()));
    String name = notebook.getFileName().toString().replace(".ipynb", ".html");
    return Files.readString(out.resolve(name));
  }

  @Test
  void runNotebookIsValidAndRendersEveryFigure() throws Exception {
    PythonInterop.python();
    Path run = Fixtures.run(dir.resolve("runs"), Fixtures.SGAN);
    Files.createDirectories(run.resolve("saved_model"));
    Path ipynb = run.resolve("run.ipynb");
    RunNotebook.write(run, ipynb);
    int cells = RunNotebook.build(run, run).cells().size();
    assertThat(validate(ipynb)).isEqualTo("valid nbformat 4.5 " + cells + "\n");
    String html = html(ipynb);
    // nbconvert's own CSS holds one data: PNG; the figures are <img
    // src="data:image/png;base64,...">
    assertThat(count(html, "src=\"data:image/png;base64,"))
        .isEqualTo(3); // 2 figures + the last sample
    assertEmbeds(
        html,
        run.resolve("figures/confusion-matrix.png"),
        run.resolve("figures/learning-curves.png"),
        run.resolve("samples/sgan-epoch-001.png"));
    assertThat(html).contains("Training history", "10.50%", "Re-check in Python");
  }

  @Test
  void comparisonNotebookIsValidAndRendersEveryFigure() throws Exception {
    PythonInterop.python();
    Path report = Fixtures.comparison(dir.resolve("reports"), dir.resolve("runs"));
    Path ipynb = ComparisonNotebook.write(report);
    assertThat(validate(ipynb)).startsWith("valid nbformat 4.5 ");
    String html = html(ipynb);
    Path[] figures;
    try (java.util.stream.Stream<Path> s = Files.list(report.resolve("figures"))) {
      figures = s.sorted().toArray(Path[]::new);
    }
    assertThat(figures).hasSize(5);
    assertThat(count(html, "src=\"data:image/png;base64,")).isEqualTo(figures.length);
    assertEmbeds(html, figures);
    assertThat(html).contains("84.25%", "141,910");
  }

  @Test
  void pythonCellsRecheckTheAccuracyOfASavedModel() throws Exception {
    PythonInterop.python();
    // a test set of 10 images whose top-left pixel gives the class the model predicts: 7 right, 3
    // wrong
    // (in the data set of the fixture run, synthetic-digits; its results.json set to 70%)
    Path data = Files.createDirectories(dir.resolve("datasets/synthetic-digits"));
    int n = 10;
    byte[] images = new byte[16 + n * 28 * 28];
    byte[] labels = new byte[8 + n];
    images[3] = 0x08;
    images[2] = 0x03;
    labels[3] = 0x01;
    labels[2] = 0x08;
    for (int i = 0; i < n; i++) {
      labels[8 + i] = (byte) i;
      images[16 + i * 28 * 28] = (byte) (i < 7 ? i : (i + 1) % 10);
    }
    Files.write(data.resolve("t10k-images-idx3-ubyte"), images);
    Files.write(data.resolve("t10k-labels-idx1-ubyte"), labels);
    Path run = Fixtures.run(dir.resolve("runs"), Fixtures.MLP);
    Fixtures.withTestMetric(run, 0.7);
    PythonInterop.script(
        "make_saved_model.py", dir, Map.of(), run.resolve("saved_model").toString());
    Path ipynb = Files.createDirectories(dir.resolve("notebooks")).resolve("run.ipynb");
    RunNotebook.write(run, ipynb);
    String out =
        PythonInterop.script(
            "run_code_cells.py",
            dir,
            Map.of("TFJLAB_DATA_DIR", dir.resolve("datasets").toString()),
            ipynb.toString());
    assertThat(out)
        .isEqualTo(
            "mlp-synthetic-digits-100-1: test accuracy 70.00% (tfjlab: 70.00%)\nsame as tfjlab\n");
  }
}
