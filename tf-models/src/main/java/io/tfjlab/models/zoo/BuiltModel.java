package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, Sequential> parts) {

  public BuiltModel {
    phases = List.copyOf(phases);
    parts = new LinkedHashMap<>(parts);
  }

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
