package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.eval.compare.ComparisonReport;
import io.tfjlab.eval.compare.ComparisonRow;
import io.tfjlab.eval.compare.ComparisonRunner;
import io.tfjlab.eval.compare.RowResult;
import io.tfjlab.eval.compare.RunLedger;
import io.tfjlab.eval.compare.SeedReport;
import io.tfjlab.eval.plots.TrainingHistory;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.notebooks.ComparisonNotebook;
import io.tfjlab.notebooks.History;
import io.tfjlab.notebooks.RunFolder;
import io.tfjlab.notebooks.RunNotebook;
import io.tfjlab.runs.HistoryCsv;
import io.tfjlab.runs.ReportLayout;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.spec.ResolvedSpec;
import io.tfjlab.training.spec.SpecResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real comparison, small: three runs on a synthetic digit set (an MLP over two label seeds and
 * a semi-supervised GAN, a few batches each), finished, exported and reported as {@code compare}
 * does, run twice so the second pass reuses them; plus one interrupted run. Every consumer reads
 * what was written: the run ledger, the plots' TrainingHistory, the notebooks' RunFolder, History,
 * RunNotebook and ComparisonNotebook.
 *
 * <p>The notebooks module's test fixtures ({@code notebooks-export/src/test/resources/fixtures})
 * are copies of these outputs. {@link #theNotebooksFixturesHaveTheStructureOfWhatIsWritten} fails
 * when what the code writes no longer has their structure (files, JSON keys and types, history
 * columns); {@code mvn -pl cli -am verify -Dtest=RunFolderRoundTripTest -Dtfjlab.writeFixtures=true
 * -Dsurefire.failIfNoSpecifiedTests=false} writes them again.
 */
class RunFolderRoundTripTest {
  static final String RUNS_PLACEHOLDER = "${RUNS}";
  static final String COMMAND = "tfjlab compare (RunFolderRoundTripTest)";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path runs;
  static Path report;
  static Path interrupted;
  static RunExecutor executor;
  static List<ComparisonRow> rows;
  static List<RowResult> first;
  static List<RowResult> second;

  static RunSpec mlp(long labelSeed) {
    return RunSpec.of(ModelSpec.of("mlp"))
        .withDataset(SyntheticDigits.NAME)
        .withLabels(100)
        .withLabelSeed(labelSeed)
        .withEpochs(6)
        .withBatchSize(20)
        .withStepsPerEpoch(5)
        .withThreads(1);
  }

  static RunSpec sgan() {
    return new SpecResolver(
            com.google.inject.Guice.createInjector(new ModelsModule())
                .getInstance(io.tfjlab.models.zoo.ModelZoo.class))
        .resolve(
            List.of(
                new SpecLayer(
                    "test",
                    (com.fasterxml.jackson.databind.node.ObjectNode)
                        Json.MAPPER.valueToTree(
                            java.util.Map.of("model", java.util.Map.of("type", "sgan"))))))
        .spec()
        .withDataset(SyntheticDigits.NAME)
        .withLabels(100)
        .withEpochs(1)
        .withLimitBatches(2)
        .withThreads(1);
  }

  @BeforeAll
  static void compareTwiceAndInterruptOne() throws IOException {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Path cache = dir.resolve("datasets");
    DatasetCatalog catalog =
        new DatasetCatalog(
            Map.of(SyntheticDigits.NAME, SyntheticDigits.write(cache, 50, 20)),
            new DatasetStore(cache, Optional.empty(), quiet));
    Injector injector =
        Guice.createInjector(
            new ModelsModule(),
            binder -> {
              binder.bind(DatasetCatalog.class).toInstance(catalog);
              binder
                  .bind(io.tfjlab.models.runtime.Placement.class)
                  .toInstance(io.tfjlab.models.runtime.Placement.CPU);
              io.tfjlab.training.steps.TrainingSteps.bindBuiltIn(binder);
            });
    executor = injector.getInstance(RunExecutor.class);
    runs = dir.resolve("runs");
    rows =
        List.of(
            new ComparisonRow(
                "mlp-100",
                "MLP, 100 labels",
                List.of(ResolvedSpec.of(mlp(1)), ResolvedSpec.of(mlp(2))),
                Optional.of(new SeedReport("90%", "test fixture", 0.9))),
            new ComparisonRow(
                "sgan-mlp-100",
                "Semi-supervised GAN, MLP discriminator",
                List.of(ResolvedSpec.of(sgan())),
                Optional.empty()));
    first =
        new ComparisonRunner(executor, runs, COMMAND, quiet, CompareCommand.finishRun(injector))
            .run(rows);
    second =
        new ComparisonRunner(executor, runs, COMMAND, quiet, CompareCommand.finishRun(injector))
            .run(rows);
    report = dir.resolve("reports").resolve("fixture");
    CompareCommand.writeReport(
        new ComparisonReport(
            "fixture",
            "test",
            SyntheticDigits.NAME,
            Instant.now().toString(),
            CompareCommand.machine(),
            COMMAND,
            second),
        report);

    // a run stopped by a crash after its first epoch: no validation split, so empty validation
    // columns
    Callback crash =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            throw new IllegalStateException("simulated crash");
          }
        };
    assertThatThrownBy(
            () ->
                executor
                    .withCallbacks(List.of(crash))
                    .train(interruptedSpec(), runs, COMMAND, quiet))
        .hasMessageContaining("simulated crash");
    interrupted = runs.resolve("mlp-synthetic-digits-100-3");
  }

  static RunSpec interruptedSpec() {
    return mlp(3).withValidation(0.0);
  }

  @Test
  void theLedgerFindsEachFinishedRunAndTheInterruptedOne() {
    RunLedger ledger = new RunLedger(runs);
    assertThat(ledger.find(executor.resolve(mlp(1))))
        .isEqualTo(new RunLedger.Finished(runs.resolve("mlp-synthetic-digits-100-1")));
    assertThat(ledger.find(executor.resolve(mlp(2))))
        .isEqualTo(new RunLedger.Finished(runs.resolve("mlp-synthetic-digits-100-2")));
    assertThat(ledger.find(executor.resolve(sgan())))
        .isEqualTo(new RunLedger.Finished(runs.resolve("sgan-synthetic-digits-100-1")));
    assertThat(ledger.find(executor.resolve(interruptedSpec())))
        .isEqualTo(new RunLedger.Interrupted(interrupted));
    assertThat(ledger.find(executor.resolve(mlp(1).withEpochs(7))))
        .isInstanceOf(RunLedger.Missing.class);
    // the first comparison trained every run, the second reused every one
    assertThat(first).extracting(RowResult::reused).containsExactly(0, 0);
    assertThat(second).extracting(RowResult::reused).containsExactly(2, 1);
    assertThat(second)
        .extracting(RowResult::accuracy)
        .isEqualTo(first.stream().map(RowResult::accuracy).toList());
  }

  @Test
  void thePlotsAndTheNotebooksReadTheSameHistory() throws IOException {
    for (String name :
        List.of(
            "mlp-synthetic-digits-100-1",
            "sgan-synthetic-digits-100-1",
            "mlp-synthetic-digits-100-3")) {
      Path csv = new RunLayout(runs.resolve(name)).history();
      TrainingHistory plots = TrainingHistory.read(csv);
      History notebook = History.read(csv).orElseThrow();
      assertThat(notebook.columns()).isEqualTo(HistoryCsv.COLUMNS);
      int row = 0;
      for (TrainingHistory.Phase phase : plots.phases()) {
        for (int e = 0; e < phase.epoch().length; e++, row++) {
          assertThat(notebook.get(row, HistoryCsv.PHASE)).isEqualTo(phase.name());
          assertThat(Double.parseDouble(notebook.get(row, HistoryCsv.EPOCH)))
              .isEqualTo(phase.epoch()[e]);
          assertThat(Double.parseDouble(notebook.get(row, HistoryCsv.LOSS)))
              .isEqualTo(phase.loss()[e]);
          assertThat(notebook.get(row, HistoryCsv.METRIC_NAME)).isEqualTo(phase.metricName());
          String val = notebook.get(row, HistoryCsv.VAL_LOSS);
          // Double.equals: NaN (an empty cell) equals NaN
          assertThat(Double.valueOf(val.isEmpty() ? Double.NaN : Double.parseDouble(val)))
              .isEqualTo(Double.valueOf(phase.valLoss()[e]));
        }
      }
      assertThat(notebook.rows()).hasSize(row);
    }
    TrainingHistory mlp =
        TrainingHistory.read(runs.resolve("mlp-synthetic-digits-100-1").resolve(RunLayout.HISTORY));
    assertThat(mlp.phases()).extracting(TrainingHistory.Phase::name).containsExactly("classifier");
    assertThat(mlp.lastPhase().epoch()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(mlp.lastPhase().metricName()).isEqualTo("acc");
    TrainingHistory stopped = TrainingHistory.read(new RunLayout(interrupted).history());
    assertThat(stopped.lastPhase().epoch()).containsExactly(1);
    assertThat(stopped.lastPhase().valLoss()[0]).isNaN();
  }

  @Test
  void theNotebooksRunFolderReadsEveryFileOfAFinishedRun() throws IOException {
    for (RowResult row : second) {
      for (String path : row.runs()) {
        RunFolder folder = RunFolder.read(Path.of(path));
        JsonNode results = JSON.readTree(new RunLayout(Path.of(path)).results().toFile());
        assertThat(folder.manifest().path("status").asText()).isEqualTo("finished");
        assertThat(folder.dataset()).isEqualTo(SyntheticDigits.NAME);
        assertThat(folder.manifest().path("data").path("checksums").size()).isEqualTo(4);
        assertThat(folder.testMetric()).contains(results.path("testMetric").asDouble());
        // evaluation.json's accuracy is counted from the test predictions, apart from the
        // TensorFlow test pass
        assertThat(folder.evaluation().orElseThrow().path("accuracy").asDouble())
            .isCloseTo(folder.testMetric().orElseThrow(), within(1e-9));
        assertThat(folder.evaluation().orElseThrow().path("examples").asInt()).isEqualTo(200);
        assertThat(folder.summary()).isPresent();
        assertThat(folder.history().orElseThrow().rows()).isNotEmpty();
        assertThat(folder.figures())
            .extracting(p -> p.getFileName().toString())
            .containsExactly(RunLayout.CONFUSION, RunLayout.LEARNING_CURVES);
        assertThat(folder.savedModel()).isPresent();
      }
    }
    // the MLP learns the bars: well above the 10% of chance on the 200 test images
    assertThat(second.get(0).accuracy().mean()).isGreaterThan(0.5);
    RunFolder gan = RunFolder.read(runs.resolve("sgan-synthetic-digits-100-1"));
    assertThat(gan.samples())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(RunLayout.sampleFile("sgan", 1));
    RunFolder stopped = RunFolder.read(interrupted);
    assertThat(stopped.manifest().path("status").asText()).isEqualTo("running");
    assertThat(stopped.results()).isEmpty();
    assertThat(stopped.testMetric()).isEmpty();
  }

  @Test
  void theNotebooksShowWhatTheRunsMeasured() throws IOException {
    Path run = runs.resolve("mlp-synthetic-digits-100-1");
    double acc = JSON.readTree(new RunLayout(run).results().toFile()).path("testMetric").asDouble();
    String runText = markdownAndCode(RunNotebook.build(run, run).cells());
    assertThat(runText)
        .contains(
            "| test acc | " + percent(acc) + " |",
            "## Training history",
            "test_accuracy(\"saved_model\")",
            "| phase | epoch | loss | acc | val\\_loss | val\\_acc | lr | seconds |");

    String text = markdownAndCode(ComparisonNotebook.build(report).cells());
    // mean ± sample std of the MLP row's two runs, computed here from their results.json
    double a =
        JSON.readTree(runs.resolve("mlp-synthetic-digits-100-1/results.json").toFile())
            .path("testMetric")
            .asDouble();
    double b =
        JSON.readTree(runs.resolve("mlp-synthetic-digits-100-2/results.json").toFile())
            .path("testMetric")
            .asDouble();
    double std = Math.abs(a - b) / Math.sqrt(2);
    assertThat(text)
        .contains(
            "| MLP, 100 labels (reused runs) | mlp | 100 | "
                + percent((a + b) / 2)
                + " ± "
                + percent(std)
                + " | 2 |");
    assertThat(text)
        .contains(
            "test_accuracy(\"../../runs/mlp-synthetic-digits-100-2/saved_model\")",
            "test_accuracy(\"../../runs/sgan-synthetic-digits-100-1/saved_model\")");
    assertThat(new ReportLayout(report).notebook()).isRegularFile();
    assertThat(FolderStructure.files(report))
        .contains(
            "figures/mlp-100-learning-curves.png",
            "figures/sgan-mlp-100-generated-samples.png",
            ReportLayout.COMPARISON_JSON,
            ReportLayout.COMPARISON_MARKDOWN);
  }

  /** The files of a run folder the notebooks read, copied into their fixtures. */
  static final Predicate<String> NOTEBOOK_INPUT =
      p ->
          List.of(
                      RunLayout.MANIFEST,
                      RunLayout.HISTORY,
                      RunLayout.RESULTS,
                      RunLayout.EVALUATION,
                      RunLayout.SUMMARY)
                  .contains(p)
              || p.startsWith(RunLayout.FIGURES + "/")
              || p.startsWith(RunLayout.SAMPLES + "/");

  /** The files of a report folder the notebooks read. */
  static final Predicate<String> REPORT_INPUT =
      p ->
          p.equals(ReportLayout.COMPARISON_JSON)
              || p.equals(ReportLayout.COMPARISON_MARKDOWN)
              || p.startsWith(ReportLayout.FIGURES + "/");

  @Test
  void theNotebooksFixturesHaveTheStructureOfWhatIsWritten() throws IOException {
    Path fixtures =
        Path.of(
            System.getProperty(
                "tfjlab.fixtures", "../notebooks-export/src/test/resources/fixtures"));
    Path fresh = dir.resolve("fixtures");
    writeFixtures(fresh);
    if (Boolean.getBoolean("tfjlab.writeFixtures")) {
      io.tfjlab.data.io.Folders.deleteQuietly(fixtures);
      writeFixtures(fixtures);
    }
    List<String> files = FolderStructure.files(fresh);
    assertThat(FolderStructure.files(fixtures))
        .as("fixture files (regenerate: -Dtfjlab.writeFixtures=true)")
        .isEqualTo(files);
    for (String f : files) {
      assertThat(FolderStructure.of(fixtures.resolve(f)))
          .as("structure of %s (regenerate: -Dtfjlab.writeFixtures=true)", f)
          .isEqualTo(FolderStructure.of(fresh.resolve(f)));
    }
  }

  /**
   * Copies what the notebooks read into {@code target}/runs and {@code target}/reports, run paths
   * made relocatable.
   */
  static void writeFixtures(Path target) throws IOException {
    try (Stream<Path> s = Files.list(runs)) {
      for (Path run : s.sorted().toList()) {
        copy(run, target.resolve("runs").resolve(run.getFileName()), NOTEBOOK_INPUT);
      }
    }
    Path reportCopy = target.resolve("reports").resolve(report.getFileName());
    copy(report, reportCopy, REPORT_INPUT);
    Path json = reportCopy.resolve(ReportLayout.COMPARISON_JSON);
    String absolute = runs.toAbsolutePath().normalize().toString();
    Files.writeString(json, Files.readString(json).replace(absolute, RUNS_PLACEHOLDER));
  }

  private static void copy(Path from, Path to, Predicate<String> which) throws IOException {
    for (String f : FolderStructure.files(from)) {
      if (which.test(f)) {
        Path dest = to.resolve(f);
        Files.createDirectories(dest.getParent());
        Files.copy(from.resolve(f), dest, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }

  /** The markdown and code of a notebook's cells, joined. */
  private static String markdownAndCode(List<io.tfjlab.notebooks.Cell> cells) {
    List<String> out = new ArrayList<>();
    for (io.tfjlab.notebooks.Cell c : cells) {
      out.add(c.source());
    }
    return String.join("\n", out);
  }
}
