package io.tfjlab.training.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.MapBinder;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.zoo.BinaryClassifierModel;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.DenseStackSpec;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.ModelFactory;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.Trainer;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.TrainingData;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * A training scheme added from outside, without touching the loop: a model family whose phase names
 * the step kind {@code twice} and a step of that kind (two optimiser updates per batch), both bound
 * in a user's Guice module, trained end to end on the XOR toy problem.
 */
class CustomTrainingStepTest {
  @TempDir Path tmp;
  final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true);

  /** The xor model, its phase trained by the {@code twice} step. */
  static final class TwiceXor implements ModelFactory {
    private final ModelFactory xor = BinaryClassifierModel.xor();

    @Override
    public String name() {
      return "xor-twice";
    }

    @Override
    public String description() {
      return "xor, two updates per batch (test)";
    }

    @Override
    public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
      // the xor network (its own options: none), built under this factory's name
      BuiltModel m =
          xor.build(ctx, new DenseStackSpec("xor", null, List.of(10), Activation.TANH), input);
      List<Phase> phases = m.phases().stream().map(p -> p.withStepKind("twice")).toList();
      return new BuiltModel(
          name(),
          spec,
          m.task(),
          m.context(),
          m.input(),
          m.target(),
          m.output(),
          phases,
          m.parts(),
          m.classifierParts(),
          m.dataInit(),
          m.generator());
    }
  }

  /**
   * Two updates per batch (step seeds 2·step and 2·step + 1); reports the first update's loss as
   * {@code first_loss}.
   */
  static final class TwiceFactory implements TrainingStep.Factory {
    final List<Long> steps = new ArrayList<>();
    int closed;

    @Override
    public Trainer.PhaseData data(Phase phase, TrainingData data) {
      return Trainer.PhaseData.of(data.train(phase.data()));
    }

    @Override
    public TrainingStep create(StepSetup setup) {
      StepFeeds feeds = new StepFeeds(setup.seed());
      return new TrainingStep() {
        @Override
        public StepResult run(StepInput in) {
          steps.add(in.step());
          float[] first = update(in, 2 * in.step());
          float[] second = update(in, 2 * in.step() + 1);
          return new StepResult(
              in.batch().size(), second[0], second[1], Map.of("first_loss", (double) first[0]));
        }

        private float[] update(StepInput in, long seed) {
          Batch b = in.batch();
          BuiltModel model = setup.graph().model();
          Session.Runner r =
              feeds
                  .feed(setup.session().runner(), seed, in.learningRate())
                  .feed(model.input(), b.images())
                  .feed(model.target(), b.labels())
                  .addTarget(setup.graph().trainOp(setup.phaseIndex()))
                  .fetch(setup.graph().trainingLoss(setup.phaseIndex()))
                  .fetch(setup.phase().metric());
          try (Result res = r.run()) {
            return new float[] {
              ((TFloat32) res.get(0)).getFloat(), ((TFloat32) res.get(1)).getFloat()
            };
          }
        }

        @Override
        public void close() {
          feeds.close();
          closed++;
        }
      };
    }
  }

  static RunSpec spec(int epochs) {
    return RunSpec.of(ModelSpec.of("xor-twice"))
        .withDataset("toy-xor")
        .withEpochs(epochs)
        .withBatchSize(64)
        .withOptimizer(OptimizerSpec.adam(0.01))
        .withThreads(1);
  }

  /** Registers the test's model, {@code xor-twice}. */
  private static void bindTwiceXor(Binder binder) {
    MapBinder.newMapBinder(binder, String.class, ModelFactory.class)
        .addBinding("xor-twice")
        .toInstance(new TwiceXor());
  }

  @Test
  void aStepKindBoundInAUsersModuleTrainsThePhaseThatNamesIt() throws Exception {
    TwiceFactory twice = new TwiceFactory();
    Injector injector =
        Guice.createInjector(
            new TrainingModule(
                new DataModule.DataOptions(Optional.of(tmp.resolve("data")), Optional.empty())),
            new AbstractModule() {
              @Override
              protected void configure() {
                bindTwiceXor(binder());
                TrainingSteps.bind(binder()).addBinding("twice").toInstance(twice);
              }
            });
    List<String> events = new ArrayList<>();
    Callback record =
        new Callback() {
          @Override
          public void onTrainBegin(TrainingContext ctx) {
            events.add("train begin at step " + ctx.state().step());
          }

          @Override
          public void onPhaseBegin(TrainingContext ctx) {
            events.add(
                "phase " + ctx.phase().name() + " (" + TrainingSteps.kindOf(ctx.phase()) + ")");
          }

          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            events.add("epoch " + logs.epoch() + " " + logs.metrics().keySet());
          }

          @Override
          public void onTrainEnd(TrainingContext ctx) {
            events.add("train end at step " + ctx.state().step());
          }
        };
    int epochs = 4;
    RunResult r =
        injector
            .getInstance(RunExecutor.class)
            .withCallbacks(List.of(record))
            .train(spec(epochs), tmp.resolve("runs"), "test", out);
    int batches = twice.steps.size() / epochs;
    assertThat(batches).isPositive();
    assertThat(twice.steps)
        .as("one call per batch, global steps in order")
        .containsExactlyElementsOf(LongStream.range(0, (long) batches * epochs).boxed().toList());
    assertThat(twice.closed).isEqualTo(1);
    List<String> expected =
        new ArrayList<>(List.of("train begin at step 0", "phase classifier (twice)"));
    for (int e = 1; e <= epochs; e++) {
      expected.add("epoch " + e + " [loss, acc, first_loss, val_loss, val_acc, lr, train_seconds]");
    }
    expected.add("train end at step " + twice.steps.size());
    assertThat(events).containsExactlyElementsOf(expected);
    assertThat(r.testMetric()).as("xor is learnt").isGreaterThanOrEqualTo(0.9);
    Path run = tmp.resolve("runs").resolve(r.run());
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(1 + epochs);
    assertThat(run.resolve("checkpoints/last/trainer-state.json")).isRegularFile();
  }

  @Test
  void aPhaseNamingAnUnregisteredKindIsRefusedBeforeAnyFileIsWritten() {
    Injector models =
        Guice.createInjector(
            new ModelsModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                bindTwiceXor(binder());
              }
            });
    DatasetCatalog catalog =
        new DatasetCatalog(Map.of(), new DatasetStore(tmp.resolve("data"), Optional.empty(), out));
    RunExecutor builtInOnly = new RunExecutor(catalog, models.getInstance(ModelZoo.class));
    assertThatThrownBy(() -> builtInOnly.train(spec(1), tmp.resolve("runs"), "test", out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step kind 'twice'")
        .hasMessageContaining("registered: adversarial, supervised")
        .hasMessageContaining("TrainingSteps.bind(binder()).addBinding(\"twice\")");
    assertThat(tmp.resolve("runs")).doesNotExist();
    // the same kind given without Guice trains
    RunResult r =
        builtInOnly
            .withSteps(TrainingSteps.builtIn().with("twice", new TwiceFactory()))
            .train(spec(1), tmp.resolve("runs"), "test", out);
    assertThat(r.testExamples()).isPositive();
  }
}
