package io.tfjlab.models.zoo;

import com.google.inject.Inject;
import io.tfjlab.models.graph.ModelContext;
import java.util.Map;
import java.util.TreeMap;

/** The models by name (a Guice {@code MapBinder} of {@link ModelFactory}). */
public final class ModelZoo {
  private final Map<String, ModelFactory> factories;

  @Inject
  public ModelZoo(Map<String, ModelFactory> factories) {
    this.factories = new TreeMap<>(factories);
  }

  public Map<String, ModelFactory> factories() {
    return factories;
  }

  public ModelFactory factory(String name) {
    ModelFactory f = factories.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", factories.keySet()));
    }
    return f;
  }

  public ModelSpec resolve(ModelSpec spec) {
    return factory(checked(spec).type()).resolve(spec);
  }

  /** Checks that the model can be built for this input, before a run writes anything. */
  public void validate(ModelSpec spec, InputSpec input) {
    factory(checked(spec).type()).validate(spec, input);
  }

  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    return factory(checked(spec).type()).build(ctx, spec, input);
  }

  /** A layer list only belongs to the layers model (another model would silently ignore it). */
  private static ModelSpec checked(ModelSpec spec) {
    if (spec.layers() != null && !spec.type().equals(LayersModel.NAME)) {
      throw new IllegalArgumentException("model.layers is read by \"type\": \"layers\" only, not by " + spec.type()
          + "; remove model.layers or use \"type\": \"layers\"");
    }
    return spec;
  }
}
