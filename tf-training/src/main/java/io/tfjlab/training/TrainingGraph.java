package io.tfjlab.training;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.optim.Optimizer;
import io.tfjlab.training.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A built model plus what training adds to its graph: for each phase, the regularised loss and the
 * op of one optimiser step over that phase's variables; a learning-rate placeholder. Built
 * completely before the session starts, so that every variable (optimiser slots included) exists
 * when the first checkpoint is saved.
 */
public final class TrainingGraph {
  /** Name of the learning-rate placeholder. */
  public static final String LEARNING_RATE = "learning_rate";

  private final BuiltModel model;
  private final Placeholder<TFloat32> learningRate;
  private final List<Op> trainOps = new ArrayList<>();
  private final List<Op> generatorTrainOps = new ArrayList<>();
  private final List<Operand<TFloat32>> losses = new ArrayList<>();

  public TrainingGraph(BuiltModel model, OptimizerSpec optimizer, double l2) {
    this.model = model;
    ModelContext ctx = model.context();
    Ops tf = ctx.tf();
    this.learningRate =
        tf.withName(LEARNING_RATE).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    for (Phase phase : model.phases()) {
      Operand<TFloat32> loss = phase.loss();
      if (l2 > 0 && !phase.kernels().isEmpty()) {
        Operand<TFloat32> penalty = null;
        for (Variable<TFloat32> k : phase.kernels()) {
          Operand<TFloat32> term = tf.nn.l2Loss(tf.identity(k));
          penalty = penalty == null ? term : tf.math.add(penalty, term);
        }
        // l2Loss is sum(w²)/2; Keras' l2(λ) adds λ·sum(w²)
        loss = tf.math.add(loss, tf.math.mul(penalty, tf.constant((float) (2 * l2))));
      }
      losses.add(loss);
      trainOps.add(
          Optimizer.minimize(
              tf, optimizer, "opt_" + phase.name(), loss, phase.variables(), learningRate));
      generatorTrainOps.add(
          phase
              .adversarial()
              .map(
                  a ->
                      Optimizer.minimize(
                          tf,
                          optimizer,
                          "opt_" + phase.name() + "_generator",
                          a.generatorLoss(),
                          a.generatorVariables(),
                          learningRate))
              .orElse(null));
    }
  }

  public BuiltModel model() {
    return model;
  }

  public Placeholder<TFloat32> learningRate() {
    return learningRate;
  }

  public Op trainOp(int phase) {
    return trainOps.get(phase);
  }

  /** The generator update of an adversarial phase. */
  public Op generatorTrainOp(int phase) {
    Op op = generatorTrainOps.get(phase);
    if (op == null) {
      throw new IllegalArgumentException("phase " + phase + " is not adversarial");
    }
    return op;
  }

  /** The loss being minimised in a phase (with its L2 penalty). */
  public Operand<TFloat32> trainingLoss(int phase) {
    return losses.get(phase);
  }
}
