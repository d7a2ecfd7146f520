package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.steps.TrainingSteps;
import io.tfjlab.training.testsupport.RecordingCallback;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * A fraction of an epoch of the semi-supervised GAN on real MNIST with 100 labels: the
 * discriminator's loss goes down and its validation accuracy beats chance (10%) by far.
 */
@Tag("integration")
class SemiSupervisedGanTest {
  @Test
  void aFewHundredStepsLowerTheLossAndBeatChanceByFar() {
    Injector injector = Guice.createInjector(new TrainingModule(DataModule.DataOptions.defaults()));
    RunSpec spec =
        RunSpec.of(ModelSpec.of("sgan"))
            .withLabels(100)
            .withBatchSize(100)
            .withValidation(1000.0 / 60000)
            .withOptimizer(OptimizerSpec.adam(0.003, 0.5))
            .withThreads(2);
    RunSpec resolved = injector.getInstance(RunExecutor.class).resolve(spec);
    RecordingCallback record = new RecordingCallback();
    try (TrainingData data =
            TrainingData.prepare(resolved, injector.getInstance(DatasetCatalog.class));
        Graph g = new Graph()) {
      BuiltModel model =
          injector
              .getInstance(ModelZoo.class)
              .build(new ModelContext(g, 1), resolved.model(), data.input());
      TrainingGraph tg = new TrainingGraph(model, resolved.optimizer(), 0);
      try (Session session =
          new Session(g, io.tfjlab.models.runtime.Placement.CPU.sessionConfig(2))) {
        session.initialize();
        Phase phase = model.finalPhase();
        phase.adversarial().orElseThrow().average().orElseThrow().reset(session);
        new Trainer(tg, session, List.of(record), 1, 0.003, LearningRateSchedule.constant())
            .fitPhase(
                0,
                phaseData(phase, data),
                data.validation(),
                1,
                Optional.of(200),
                "val_acc",
                Optional.empty(),
                TrainerState.start());
      }
    }
    // the running mean over the first steps against the one at the end
    List<Double> losses = record.losses();
    double early = losses.get(9);
    double late = losses.get(losses.size() - 1);
    assertThat(late).isLessThan(early);
    // chance is 0.1; after 200 steps the validation accuracy was 0.49-0.57 across code versions and
    // JVM contexts (rounding differences grow in a GAN's first steps: 0.534 alone, 0.492 after the
    // other tests of the module, with the fused batch norm of the generator)
    assertThat(record.epochs().get(record.epochs().size() - 1).get("val_acc")).isGreaterThan(0.4);
  }

  /** The real, labeled and matching streams, as the adversarial step kind asks for them. */
  static Trainer.PhaseData phaseData(Phase phase, TrainingData data) {
    return TrainingSteps.builtIn().factory(phase).data(phase, data);
  }
}
