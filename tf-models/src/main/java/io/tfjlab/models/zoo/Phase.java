package io.tfjlab.models.zoo;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One stage of training a model: a loss minimised over some variables on some data. Most models
 * have one supervised phase; the autoencoder + classifier and the DCGAN transfer have two
 * (pre-training, then classification); a GAN phase alternates a discriminator step (this loss and
 * variables) with a generator step ({@link Adversarial}).
 *
 * @param name e.g. {@code classifier}, {@code autoencoder}, {@code gan}
 * @param loss mean loss over the batch (the discriminator's, in an adversarial phase)
 * @param metric the batch mean of the phase's metric
 * @param metricName {@code acc} or {@code mse}
 * @param variables what the optimiser updates
 * @param kernels the subset L2 regularisation applies to
 * @param data which training images feed {@code input}/{@code target}
 * @param evalLoss the loss validation reports (needs only input and target)
 * @param evalMetric the metric validation reports
 * @param validates whether the phase is validated and selected on (false: fixed schedule)
 * @param adversarial the generator side of an adversarial phase
 * @param updates ops to run with every (supervised) step: batch-norm statistics of the trained
 *     layers
 * @param stepKind the training step this phase names, a key of tf-training's step registry ({@code
 *     TrainingSteps}); empty for the default: {@code adversarial} when {@code adversarial} is
 *     present, else {@code supervised}
 */
public record Phase(
    String name,
    Operand<TFloat32> loss,
    Operand<TFloat32> metric,
    String metricName,
    List<Variable<TFloat32>> variables,
    List<Variable<TFloat32>> kernels,
    PhaseData data,
    Operand<TFloat32> evalLoss,
    Operand<TFloat32> evalMetric,
    boolean validates,
    Optional<Adversarial> adversarial,
    List<org.tensorflow.op.Op> updates,
    Optional<String> stepKind) {

  public Phase {
    variables = List.copyOf(variables);
    kernels = List.copyOf(kernels);
    updates = List.copyOf(updates);
    if (stepKind.isPresent() && stepKind.get().isBlank()) {
      throw new IllegalArgumentException("phase " + name + ": a step kind is a non-empty name");
    }
  }

  /** A phase that trains with the default step of its kind (no step kind named). */
  public Phase(
      String name,
      Operand<TFloat32> loss,
      Operand<TFloat32> metric,
      String metricName,
      List<Variable<TFloat32>> variables,
      List<Variable<TFloat32>> kernels,
      PhaseData data,
      Operand<TFloat32> evalLoss,
      Operand<TFloat32> evalMetric,
      boolean validates,
      Optional<Adversarial> adversarial,
      List<org.tensorflow.op.Op> updates) {
    this(
        name,
        loss,
        metric,
        metricName,
        variables,
        kernels,
        data,
        evalLoss,
        evalMetric,
        validates,
        adversarial,
        updates,
        Optional.empty());
  }

  /** A supervised phase: validated on the same loss and metric it trains. */
  public Phase(
      String name,
      Operand<TFloat32> loss,
      Operand<TFloat32> metric,
      String metricName,
      List<Variable<TFloat32>> variables,
      List<Variable<TFloat32>> kernels,
      PhaseData data) {
    this(
        name,
        loss,
        metric,
        metricName,
        variables,
        kernels,
        data,
        loss,
        metric,
        true,
        Optional.empty(),
        List.of());
  }

  /** The same phase with these update ops. */
  public Phase withUpdates(List<org.tensorflow.op.Op> ops) {
    return new Phase(
        name,
        loss,
        metric,
        metricName,
        variables,
        kernels,
        data,
        evalLoss,
        evalMetric,
        validates,
        adversarial,
        ops,
        stepKind);
  }

  /**
   * The same phase trained by the step registered under {@code kind} (tf-training's {@code
   * TrainingSteps}).
   */
  public Phase withStepKind(String kind) {
    return new Phase(
        name,
        loss,
        metric,
        metricName,
        variables,
        kernels,
        data,
        evalLoss,
        evalMetric,
        validates,
        adversarial,
        updates,
        Optional.of(kind));
  }

  /** The training images a phase uses. */
  public enum PhaseData {
    /** only the labeled subset (all training images when every label is used) */
    LABELED,
    /** every training image, labels unused */
    ALL_TRAIN
  }
}
