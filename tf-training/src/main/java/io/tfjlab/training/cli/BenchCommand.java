package io.tfjlab.training.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.data.batch.BatchOptions;
import io.tfjlab.data.batch.BatchStream;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.Trainer;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.TrainingGraph;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.ModelGraph;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.tensorflow.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: training throughput of the engine itself (the same Trainer loop as {@code train}:
 * real MNIST batches, reused feed tensors, one session call per step), measured like the peer
 * benchmark in shared/bench: warm-up steps, then timed steps, images per second.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure training images/s of a zoo model through the tfjlab engine (compare with shared/bench).")
public final class BenchCommand implements Callable<Integer> {
  @Mixin ModelOptions modelOptions = new ModelOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private Placement placement = Placement.CPU;

  @Option(names = "--batch-size", defaultValue = "128")
  int batchSize;

  @Option(names = "--warmup", defaultValue = "20")
  int warmup;

  @Option(names = "--steps", defaultValue = "150")
  int steps;

  @Option(names = "--threads", defaultValue = "2")
  int threads;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Repeat and report each round and the median.")
  int rounds;

  @Option(
      names = "--augment",
      description = "Augment batches (digits preset), to measure its cost.")
  boolean augment;

  @Override
  public Integer call() {
    placement = DeviceSelection.placementOf(spec.root().userObject());
    Injector injector = Guice.createInjector(new TrainingModule(DataOptions.defaults(), placement));
    ModelZoo zoo = injector.getInstance(ModelZoo.class);
    ImageSet train = injector.getInstance(DatasetCatalog.class).load("mnist").train();
    double[] results = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      results[r] = round(zoo, train, r);
      System.out.printf(
          Locale.ROOT,
          "tfjlab %s batch %d round %d: %.1f images/s%n",
          modelOptions.model,
          batchSize,
          r + 1,
          results[r]);
    }
    double[] sorted = results.clone();
    java.util.Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "tfjlab %s batch %d%s median %.1f images/s over %d rounds (%d warm-up + %d timed steps, %d threads)%n",
        modelOptions.model,
        batchSize,
        augment ? " augmented" : "",
        sorted[rounds / 2],
        rounds,
        warmup,
        steps,
        threads);
    return 0;
  }

  private double round(ModelZoo zoo, ImageSet train, int r) {
    try (ModelGraph graph =
        ModelGraph.build(
            zoo,
            placement,
            modelOptions.modelSpec(),
            42 + r,
            io.tfjlab.models.zoo.InputSpec.images(28, 28, 1, 10),
            OptimizerSpec.adam(1e-3),
            0)) {
      BuiltModel model = graph.model();
      TrainingGraph tg = graph.training();
      BatchOptions options = BatchOptions.training(batchSize, r).withDropRemainder(true);
      if (augment) {
        options = options.withAugment(AugmentSpec.digits());
      }
      long[] marks = new long[2];
      Callback timer =
          new Callback() {
            @Override
            public void onBatchEnd(
                TrainingContext c, int batch, int batches, double loss, double metric) {
              if (batch == warmup) {
                marks[0] = System.nanoTime();
              } else if (batch == warmup + steps) {
                marks[1] = System.nanoTime();
              }
            }
          };
      try (BatchStream stream =
          new BatchStream(train, IntStream.range(0, train.size()).toArray(), options)) {
        Session session = graph.session(threads);
        new Trainer(tg, session, List.of(timer), 1, 1e-3, LearningRateSchedule.constant())
            .fitPhase(
                model.phases().size() - 1,
                stream,
                Optional.empty(),
                1,
                Optional.of(warmup + steps),
                "val_loss",
                Optional.empty(),
                TrainerState.start());
      }
      return (double) steps * batchSize / ((marks[1] - marks[0]) / 1e9);
    }
  }
}
