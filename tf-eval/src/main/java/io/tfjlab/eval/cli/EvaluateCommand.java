package io.tfjlab.eval.cli;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.eval.metrics.ClassificationReport;
import io.tfjlab.eval.metrics.ConfusionMatrix;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.Evaluator;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.RestoredRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: reload a run's checkpoint and report its test loss and metric. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Reload a run's best (or last) checkpoint and report test loss and accuracy.")
public final class EvaluateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run folder.")
  Path run;

  @Option(names = "--checkpoint", defaultValue = "best", description = "best (default) or last.")
  String checkpoint;

  @Override
  public Integer call() {
    try (RestoredRun r =
        RestoredRun.open(
            run,
            checkpoint,
            Guice.createInjector(
                new TrainingModule(
                    DataOptions.defaults(),
                    DeviceSelection.placementOf(commandSpec.root().userObject()))))) {
      Phase fin = r.model().finalPhase();
      Evaluator.Evaluation e =
          Evaluator.evaluateFinalPhase(r.session(), r.model(), r.data().test());
      Evaluator.Score s = e.score();
      System.out.printf(
          Locale.ROOT,
          "%s (%s checkpoint, epoch %d): test loss %.4f - test %s %.4f (%d images)%n",
          r.run().name(),
          checkpoint,
          r.state().bestEpoch(),
          s.loss(),
          r.model().finalPhase().metricName(),
          s.metric(),
          s.examples());
      e.predictions()
          .ifPresent(
              p -> {
                List<String> names = r.data().classNames();
                ConfusionMatrix matrix =
                    ConfusionMatrix.of(p.actual(), p.predicted(), names.size());
                System.out.println();
                System.out.print(ClassificationReport.of(matrix, names).toText());
                System.out.println();
                System.out.print(ConfusionText.render(matrix, names));
              });
    }
    return 0;
  }
}
