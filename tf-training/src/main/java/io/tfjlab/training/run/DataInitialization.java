package io.tfjlab.training.run;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.TrainingData;
import java.util.Iterator;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;

/**
 * Runs a model's data-dependent initialisation (weight normalisation) once, on the first {@code
 * examples} training images of a dedicated seeded order, before the first step of a new run (and of
 * a bench round).
 */
public final class DataInitialization {
  private DataInitialization() {}

  /** Runs {@code init} on the first batch of its seeded order of {@code data}. */
  public static void run(Session session, BuiltModel.DataInit init, TrainingData data) {
    Iterator<Batch> batches =
        data.plain(Phase.PhaseData.ALL_TRAIN, 3, init.examples()).epoch(0).iterator();
    if (!batches.hasNext()) {
      throw new IllegalStateException("no training images for the data-dependent initialisation");
    }
    // in training mode, as the reference: the statistics include the input and hidden noise
    try (TBool training = TBool.scalarOf(true)) {
      session
          .runner()
          .feed(init.input(), batches.next().images())
          .feed(ModelContext.TRAINING, training)
          .addTarget(init.op())
          .run()
          .close();
    }
  }
}
