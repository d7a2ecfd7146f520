package io.tfjlab.training.run;

import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.EvaluationWeights;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.TrainingData;
import org.tensorflow.Session;

/**
 * A run's graph rebuilt from its manifest and one of its checkpoints restored into a session: what
 * evaluate, export and report work on. Closing it closes the session, the graph and the data.
 */
public final class RestoredRun implements AutoCloseable {
  private final RunDirectory run;
  private final Manifest manifest;
  private final TrainingData data;
  private final ModelGraph graph;
  private final Session session;
  private final BuiltModel model;
  private final TrainerState state;
  private final String checkpoint;

  private RestoredRun(
      RunDirectory run,
      Manifest manifest,
      TrainingData data,
      ModelGraph graph,
      Session session,
      BuiltModel model,
      TrainerState state,
      String checkpoint) {
    this.run = run;
    this.manifest = manifest;
    this.data = data;
    this.graph = graph;
    this.session = session;
    this.model = model;
    this.state = state;
    this.checkpoint = checkpoint;
  }

  /** Rebuilds the run's graph and restores {@code checkpoint} (best or last). */
  public static RestoredRun open(
      java.nio.file.Path path, String checkpoint, DatasetCatalog catalog, ModelZoo zoo) {
    return open(path, checkpoint, catalog, zoo, Placement.CPU);
  }

  /**
   * As {@link #open(java.nio.file.Path, String, DatasetCatalog, ModelZoo)}, on the given device.
   */
  public static RestoredRun open(
      java.nio.file.Path path,
      String checkpoint,
      DatasetCatalog catalog,
      ModelZoo zoo,
      Placement placement) {
    if (!checkpoint.equals("best") && !checkpoint.equals("last")) {
      throw new IllegalArgumentException("--checkpoint must be best or last, got " + checkpoint);
    }
    RunDirectory run = RunDirectory.open(path);
    Manifest manifest = Manifest.read(run.manifest());
    RunSpec spec = manifest.spec();
    Checkpointer checkpointer = new Checkpointer(run.checkpoints());
    if (!checkpointer.exists("best") && !checkpointer.exists("last")) {
      throw new IllegalArgumentException(
          run.path()
              + " has not finished an epoch yet, so it has no checkpoint to load; continue it with"
              + " ./tfjlab train --resume "
              + run.path()
              + " (or wait for its first epoch)");
    }
    if (!checkpointer.exists(checkpoint)) {
      throw new IllegalArgumentException(
          run.path()
              + " has no '"
              + checkpoint
              + "' checkpoint"
              + (checkpoint.equals("best")
                  ? " (no validation split, or no epoch finished); try --checkpoint last"
                  : ""));
    }
    TrainingData data = TrainingData.prepare(spec, catalog);
    ModelGraph graph;
    try {
      graph =
          ModelGraph.build(
              zoo, placement, spec, data.input()); // same variables as training, slots included
    } catch (RuntimeException e) {
      data.close();
      throw e;
    }
    try {
      BuiltModel model = graph.model();
      Session session = graph.session(spec.threads());
      {
        TrainerState state = checkpointer.restore(session, checkpoint);
        // evaluate and export with the averaged weights where the model keeps an average
        EvaluationWeights.useAveraged(session, model.finalPhase());
        return new RestoredRun(run, manifest, data, graph, session, model, state, checkpoint);
      }
    } catch (RuntimeException e) {
      graph.close();
      data.close();
      throw e;
    }
  }

  /**
   * The same, with the data catalog and the zoo of a Guice injector (what the CLI commands use).
   */
  public static RestoredRun open(
      java.nio.file.Path path, String checkpoint, com.google.inject.Injector injector) {
    return open(
        path,
        checkpoint,
        injector.getInstance(DatasetCatalog.class),
        injector.getInstance(ModelZoo.class),
        injector.getInstance(Placement.class));
  }

  public RunDirectory run() {
    return run;
  }

  public Manifest manifest() {
    return manifest;
  }

  public TrainingData data() {
    return data;
  }

  public Session session() {
    return session;
  }

  public BuiltModel model() {
    return model;
  }

  public TrainerState state() {
    return state;
  }

  public String checkpoint() {
    return checkpoint;
  }

  @Override
  public void close() {
    try {
      graph.close();
    } finally {
      data.close();
    }
  }
}
