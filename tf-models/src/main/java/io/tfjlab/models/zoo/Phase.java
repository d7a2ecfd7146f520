package io.tfjlab.models.zoo;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One stage of training a model: a loss minimised over some variables on some data. Most models
 * have one; the autoencoder + classifier has two (reconstruct on every training image, then
 * classify the labeled ones from the frozen codes).
 *
 * @param name e.g. {@code classifier}, {@code autoencoder}
 * @param loss mean loss over the batch
 * @param metric the batch mean of the phase's metric
 * @param metricName {@code acc} or {@code mse}
 * @param variables what the optimiser updates
 * @param kernels the subset L2 regularisation applies to
 * @param data which training images the phase sees
 */
public record Phase(
    String name,
    Operand<TFloat32> loss,
    Operand<TFloat32> metric,
    String metricName,
    List<Variable<TFloat32>> variables,
    List<Variable<TFloat32>> kernels,
    PhaseData data) {

  public Phase {
    variables = List.copyOf(variables);
    kernels = List.copyOf(kernels);
  }

  /** The training images a phase uses. */
  public enum PhaseData {
    /** only the labeled subset (all training images when every label is used) */
    LABELED,
    /** every training image, labels unused */
    ALL_TRAIN
  }
}
