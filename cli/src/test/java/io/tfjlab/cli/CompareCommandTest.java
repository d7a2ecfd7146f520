package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfjlab.data.cli.CommandLines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison end to end on real MNIST, with the smoke preset (a few steps per row). */
@Tag("integration")
class CompareCommandTest {
  @TempDir Path dir;

  private int compare(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "compare",
                "--preset",
                "smoke",
                "--only",
                "linear-100,sgan-mlp-100,mlp-all",
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--reports-dir",
                dir.resolve("reports").toString()));
    args.addAll(List.of(extra));
    String[] a = args.toArray(String[]::new);
    picocli.CommandLine cl = CommandLines.create(new TfjlabCommand());
    cl.addSubcommand(new CompareCommand().withArgs(a));
    return cl.execute(a);
  }

  @Test
  void comparesPrintsTheTableWritesTheReportAndReusesFinishedRuns() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int first;
    int second;
    String secondOut;
    try {
      first = compare();
      buf.reset();
      second = compare();
      secondOut = buf.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(stdout);
    }
    assertThat(first).isZero();
    assertThat(second).isZero();
    // the second comparison trained nothing: every run was reused
    assertThat(secondOut).contains("reusing").doesNotContain("Run " + dir.resolve("runs"));
    try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
      assertThat(runs.count()).isEqualTo(3);
    }
    assertThat(secondOut)
        .contains("test accuracy")
        .contains("Linear softmax")
        .contains("97.25% (seed 003)");

    Path report = dir.resolve("reports").resolve("smoke");
    JsonNode json = new ObjectMapper().readTree(report.resolve("comparison.json").toFile());
    assertThat(json.get("rows")).hasSize(3);
    for (JsonNode row : json.get("rows")) {
      // each row's accuracy is its run's, counted again here from the run's test predictions
      Path run = Path.of(row.get("runs").get(0).asText());
      assertThat(row.get("accuracy").get("mean").asDouble())
          .as(row.get("id").asText())
          .isCloseTo(accuracyOfPredictions(run.resolve("test-predictions.csv")), within(1e-9));
      assertThat(row.get("accuracy").get("n").asInt()).isEqualTo(1);
      assertThat(row.get("parameters").asLong()).isPositive();
      assertThat(row.get("reused").asInt()).isEqualTo(1);
    }
    // Linear softmax on 28x28 images: 784 x 10 weights + 10 biases
    assertThat(json.get("rows").get(0).get("id").asText()).isEqualTo("linear-100");
    assertThat(json.get("rows").get(0).get("parameters").asLong()).isEqualTo(784 * 10 + 10);
    assertThat(Files.readString(report.resolve("comparison.md")))
        .contains("| Linear softmax | 100 |");
    assertThat(report.resolve("figures").resolve("linear-100-learning-curves.png")).isRegularFile();
    assertThat(report.resolve("figures").resolve("mlp-all-confusion-matrix.png")).isRegularFile();
    assertThat(report.resolve("figures").resolve("sgan-mlp-100-generated-samples.png"))
        .isRegularFile();
    // each run was exported for the notebook's Python re-check cells
    assertThat(
            dir.resolve("runs")
                .resolve("mlp-mnist-all-1")
                .resolve("saved_model")
                .resolve("saved_model.pb"))
        .isRegularFile();
    Path notebook = report.resolve("report.ipynb");
    assertThat(notebook).isRegularFile();
    // each run folder holds its evaluation from the one test pass
    JsonNode eval =
        new ObjectMapper()
            .readTree(
                dir.resolve("runs").resolve("mlp-mnist-all-1").resolve("evaluation.json").toFile());
    assertThat(eval.get("confusion")).hasSize(10);
    assertThat(eval.get("examples").asLong()).isEqualTo(10000);

    validateWithPython(notebook);
  }

  @Test
  void anUnknownRowIsAOneLineUserError() {
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = compare("--only", "nope");
    } finally {
      System.setErr(err);
    }
    assertThat(code).isEqualTo(CommandLines.USER_ERROR);
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("unknown comparison row 'nope'; rows are linear-100");
    assertThat(dir.resolve("reports")).doesNotExist();
  }

  /** nbformat validates the notebook and nbconvert renders it with every figure inline. */
  private void validateWithPython(Path notebook) throws Exception {
    Path python = Path.of(System.getProperty("tfjlab.python", ".venv-interop/bin/python"));
    if (!Files.isExecutable(python)) {
      String why =
          "no Python interop environment at "
              + python
              + " (scripts/python-interop-env.sh creates it)";
      String required = System.getenv("TFJLAB_REQUIRE_INTEROP");
      if (required != null
          && !required.isBlank()
          && !required.equals("0")
          && !required.equalsIgnoreCase("false")) {
        fail("TFJLAB_REQUIRE_INTEROP is set but there is " + why);
      }
      abort("SKIPPED notebook validation: " + why);
    }
    String script =
        "import sys, nbformat\n"
            + "nb = nbformat.read(sys.argv[1], as_version=4)\n"
            + "nbformat.validate(nb)\n"
            + "print('valid', len(nb.cells))\n";
    run(python.toString(), "-c", script, notebook.toString());
    run(
        python.toString(),
        "-m",
        "nbconvert",
        "--to",
        "html",
        "--output-dir",
        dir.toString(),
        notebook.toString());
    String html = Files.readString(dir.resolve("report.html"));
    long images = html.split("src=\"data:image/png;base64,", -1).length - 1;
    long figures;
    try (Stream<Path> s = Files.list(notebook.getParent().resolve("figures"))) {
      figures = s.filter(p -> p.toString().endsWith(".png")).count();
    }
    assertThat(images).isEqualTo(figures);
  }

  /**
   * The fraction of rows of a test-predictions.csv (index,label,predicted) whose label is
   * predicted.
   */
  private static double accuracyOfPredictions(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("index,label,predicted");
    assertThat(lines).hasSize(10001);
    long correct =
        lines.stream().skip(1).map(l -> l.split(",")).filter(f -> f[1].equals(f[2])).count();
    return correct / 10000.0;
  }

  private void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
