package io.tfjlab.training.run;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingGraph;
import io.tfjlab.training.optim.OptimizerSpec;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * One model's graph, the one place a graph is set up (training, restoring a run, benchmarking): the
 * model built on its device, its training ops (optimizer slots included, so a checkpoint holds the
 * same variables), then — once every op is added (summaries, sample grids) — an initialised
 * session. Closing it closes the session and the graph.
 */
public final class ModelGraph implements AutoCloseable {
  private final Placement placement;
  private final Graph graph;
  private final ModelContext context;
  private final BuiltModel model;
  private final TrainingGraph training;
  private Session session;

  private ModelGraph(
      Placement placement,
      Graph graph,
      ModelContext context,
      BuiltModel model,
      TrainingGraph training) {
    this.placement = placement;
    this.graph = graph;
    this.context = context;
    this.model = model;
    this.training = training;
  }

  /** Builds the model and its training ops in a new graph. */
  public static ModelGraph build(
      ModelZoo zoo,
      Placement placement,
      ModelSpec spec,
      long seed,
      InputSpec input,
      OptimizerSpec optimizer,
      double l2) {
    Graph graph = new Graph();
    try {
      ModelContext ctx = placement.context(graph, seed);
      BuiltModel model = zoo.build(ctx, spec, input);
      return new ModelGraph(placement, graph, ctx, model, new TrainingGraph(model, optimizer, l2));
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** The graph of a run's spec. */
  public static ModelGraph build(ModelZoo zoo, Placement placement, RunSpec spec, InputSpec input) {
    return build(zoo, placement, spec.model(), spec.seed(), input, spec.optimizer(), spec.l2());
  }

  /** Opens and initialises the session (once; later calls return it). */
  public Session session(int threads) {
    if (session == null) {
      session = new Session(graph, placement.sessionConfig(threads));
      session.initialize();
    }
    return session;
  }

  /** The open session, if {@link #session(int)} was called. */
  public Optional<Session> openSession() {
    return Optional.ofNullable(session);
  }

  public Graph graph() {
    return graph;
  }

  public ModelContext context() {
    return context;
  }

  public BuiltModel model() {
    return model;
  }

  public TrainingGraph training() {
    return training;
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        session.close();
      }
    } finally {
      graph.close();
    }
  }
}
