package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A model built into a graph, with its named endpoints: the input and target placeholders, the
 * prediction output (class probabilities, sigmoid, value or reconstruction), the training phases,
 * and its parts (named {@link Sequential}s) for the summary.
 */
public record BuiltModel(
    String name,
    ModelSpec spec,
    Task task,
    ModelContext context,
    Placeholder<TFloat32> input,
    Placeholder<TFloat32> target,
    Operand<TFloat32> output,
    List<Phase> phases,
    Map<String, Sequential> parts,
    List<String> classifierParts,
    Optional<DataInit> dataInit,
    Optional<Generator> generator) {

  public BuiltModel {
    phases = List.copyOf(phases);
    parts = new LinkedHashMap<>(parts);
    classifierParts = List.copyOf(classifierParts);
  }

  /** A model with no generator and no data-dependent initialisation, whose parts all classify. */
  public BuiltModel(
      String name,
      ModelSpec spec,
      Task task,
      ModelContext context,
      Placeholder<TFloat32> input,
      Placeholder<TFloat32> target,
      Operand<TFloat32> output,
      List<Phase> phases,
      Map<String, Sequential> parts) {
    this(
        name,
        spec,
        task,
        context,
        input,
        target,
        output,
        phases,
        parts,
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A data-dependent initialisation (weight normalisation): feed {@code examples} training images
   * to {@code input} and run {@code op} once, before the first step of a new run.
   */
  public record DataInit(Placeholder<TFloat32> input, org.tensorflow.op.Op op, int examples) {}

  /**
   * The generator of a GAN: {@code noise} (fed, or drawn in the graph when not fed) to {@code
   * images}.
   */
  public record Generator(Operand<TFloat32> noise, Operand<TFloat32> images, int noiseDim) {}

  /** The phase used for evaluation and export: the last one. */
  public Phase finalPhase() {
    return phases.get(phases.size() - 1);
  }

  /** Every variable of every part (trainable first), in a stable order. */
  public List<Variable<TFloat32>> allVariables() {
    List<Variable<TFloat32>> out = new ArrayList<>();
    parts.values().forEach(p -> out.addAll(p.trainableVariables()));
    parts.values().forEach(p -> out.addAll(p.nonTrainableVariables()));
    return out;
  }
}
