package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.WeightAverage;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The generator side of an adversarial phase. Each training step runs the discriminator update (the
 * phase's loss over its variables, fed a real batch and, when {@code usesLabels}, the labeled batch
 * on the model's input/target), then the generator update (this loss over these variables).
 *
 * @param unlabeled real images for the discriminator's real/fake loss
 * @param matchBatch an independent real batch for the generator's feature matching, if it uses one
 * @param noiseBatch how many generated images a step draws (fed with the batch size)
 * @param generatorLoss the generator's loss
 * @param generatorVariables what the generator's optimiser updates
 * @param discriminatorUpdates ops to run with each discriminator step (batch-norm statistics)
 * @param generatorUpdates ops to run with each generator step
 * @param usesLabels whether the discriminator step also takes the labeled batch (semi-supervised)
 * @param fixedSamples generated images from a fixed noise, for sample grids
 * @param average an exponential moving average of the discriminator weights, used for evaluation
 */
public record Adversarial(
    Placeholder<TFloat32> unlabeled,
    Optional<Placeholder<TFloat32>> matchBatch,
    Operand<org.tensorflow.types.TInt32> noiseBatch,
    Operand<TFloat32> generatorLoss,
    List<Variable<TFloat32>> generatorVariables,
    List<Op> discriminatorUpdates,
    List<Op> generatorUpdates,
    boolean usesLabels,
    Operand<TFloat32> fixedSamples,
    Optional<WeightAverage> average) {

  public Adversarial {
    generatorVariables = List.copyOf(generatorVariables);
    discriminatorUpdates = List.copyOf(discriminatorUpdates);
    generatorUpdates = List.copyOf(generatorUpdates);
  }
}
