package io.tfjlab.eval.cli;

import io.tfjlab.eval.metrics.ClassificationReport;
import io.tfjlab.eval.metrics.ConfusionMatrix;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.Evaluator;
import io.tfjlab.training.cli.RunCheckpoint;
import io.tfjlab.training.run.RestoredRun;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code evaluate}: reload a run's checkpoint and report its test loss and metric. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Reload a run's best (or last) checkpoint and report test loss and accuracy.")
public final class EvaluateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Mixin RunCheckpoint run;

  @Override
  public Integer call() {
    try (RestoredRun r = run.open(commandSpec)) {
      Phase fin = r.model().finalPhase();
      Evaluator.Evaluation e =
          Evaluator.evaluateFinalPhase(r.session(), r.model(), r.data().test());
      Evaluator.Score s = e.score();
      System.out.printf(
          Locale.ROOT,
          "%s (%s checkpoint, epoch %d): test loss %.4f - test %s %.4f (%d images)%n",
          r.run().name(),
          run.checkpoint(),
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
