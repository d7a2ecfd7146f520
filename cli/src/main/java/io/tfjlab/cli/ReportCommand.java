package io.tfjlab.cli;

import io.tfjlab.eval.report.RunArtifacts;
import io.tfjlab.notebooks.RunNotebook;
import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report --run RUN}: a run's figures, evaluation and Jupyter notebook. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a run's figures (learning curves, confusion matrix), evaluation.json (per-class "
          + "precision/recall/F1 from its test predictions) and a Jupyter notebook RUN/report.ipynb.",
      "Example: ./tfjlab report --run runs/cnn-mnist-100-1"
    })
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run folder.")
  Path run;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Notebook path (default: RUN/report.ipynb).")
  Path output;

  @Override
  public Integer call() throws IOException {
    RunArtifacts.write(run);
    RunLayout layout = new RunLayout(run);
    Path nb = output == null ? layout.notebook() : output;
    RunNotebook.write(run, nb);
    NotebookTestSet.write(
        io.tfjlab.training.run.Manifest.read(layout.manifest()).spec().dataset(),
        nb.toAbsolutePath().getParent(),
        io.tfjlab.data.DataModule.DataOptions.defaults());
    System.out.println("Notebook: " + nb + " (figures in " + layout.figures() + ")");
    return 0;
  }
}
