package io.tfjlab.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.eval.compare.ComparisonPlan;
import io.tfjlab.eval.compare.ComparisonReport;
import io.tfjlab.eval.compare.ComparisonRow;
import io.tfjlab.eval.report.ReportFigures;
import io.tfjlab.eval.report.RunArtifacts;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.notebooks.ComparisonNotebook;
import io.tfjlab.runs.ReportLayout;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.spec.SpecResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compare}: the seed reports' comparison on MNIST in one command — every zoo classifier with
 * 100 labels and the full-label baselines — printed as one table and written to reports/NAME/ with
 * figures and a notebook. Finished runs with the same spec are reused; interrupted ones resume.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the comparison of the seed reports on MNIST (100 labels and all labels), print the table, "
          + "and write reports/<name>/ (comparison.md, comparison.json, figures/, report.ipynb).",
      "Runs already finished with the same spec are reused; an interrupted comparison picks up where it stopped.",
      "Example: ./tfjlab compare            (default plan: about 25 minutes on 2 cores)",
      "         ./tfjlab compare --plan FILE --cluster spark://HOST:7077 --store file:///shared/runs"
    })
public final class CompareCommand implements Callable<Integer> {
  @Option(
      names = "--plan",
      paramLabel = "NAME|FILE",
      description =
          "A built-in plan: default (short schedules, one label seed), paper (full schedules, label seeds "
              + "1-5) or smoke (a few steps per row: checks the plumbing only); or a plan file (JSON rows: id, title, "
              + "seedReport, spec overlay, labelSeeds; see docs/ARCHITECTURE.md). Default: default.")
  String plan;

  /**
   * The name this option had before plans were files: the same values, kept so that scripts still
   * work.
   */
  @Option(names = "--preset", hidden = true)
  String preset;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "ROW[,ROW...]",
      description = "Only these rows (ids as in comparison.json, e.g. cnn-100,sgan-mlp-100).")
  List<String> only;

  @Mixin ReportOptions where = new ReportOptions();

  @Mixin ClusterOptions cluster = new ClusterOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  private String[] args = new String[0];

  public CompareCommand withArgs(String[] a) {
    this.args = a.clone();
    return this;
  }

  @Override
  public Integer call() throws IOException {
    if (plan != null && preset != null) {
      throw new IllegalArgumentException("--preset is the old name of --plan; give one of them");
    }
    String planName = plan != null ? plan : preset != null ? preset : "default";
    Injector injector =
        Guice.createInjector(
            new TrainingModule(
                where.data(), DeviceSelection.placementOf(commandSpec.root().userObject())));
    ComparisonPlan loaded =
        ComparisonPlan.load(planName, new SpecResolver(injector.getInstance(ModelZoo.class)));
    List<ComparisonRow> rows = selected(loaded.rows());
    return PlanExecution.run("compare", loaded.name(), rows, where, cluster, injector, args);
  }

  /**
   * What the comparison does with each finished run: figures, evaluation, and a SavedModel for the
   * notebook.
   */
  static Consumer<Path> finishRun(Injector injector) {
    return run -> {
      RunArtifacts.write(run);
      RunExports.ensure(run, injector);
    };
  }

  /** Writes the report folder: figures, comparison.json and .md, the notebook (returned). */
  static Path writeReport(ComparisonReport report, Path reportDir) throws IOException {
    try {
      Files.createDirectories(reportDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + reportDir + ": " + e.getMessage(), e);
    }
    // one writer at a time: a second compare writing the same report folder waits, then rewrites it
    try (io.tfjlab.training.run.FolderLock lock =
        io.tfjlab.training.run.FolderLock.acquire(
            reportDir,
            () ->
                System.out.println(
                    "waiting for another tfjlab process writing " + reportDir + " ..."))) {
      ReportFigures.write(report, new ReportLayout(reportDir).figures());
      report.write(reportDir);
      return ComparisonNotebook.write(reportDir);
    }
  }

  private List<ComparisonRow> selected(List<ComparisonRow> all) {
    if (only == null || only.isEmpty()) {
      return all;
    }
    List<String> ids = all.stream().map(ComparisonRow::id).toList();
    for (String o : only) {
      if (!ids.contains(o)) {
        throw new IllegalArgumentException(
            "unknown comparison row '" + o + "'; rows are " + String.join(", ", ids));
      }
    }
    return all.stream().filter(r -> only.contains(r.id())).toList();
  }

  /** The machine a report was made on, as comparison.json records it. */
  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", Manifest.currentHost());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.version"));
    m.put("os", Manifest.currentOs());
    m.put("tensorflow", org.tensorflow.TensorFlow.version());
    return m;
  }
}
