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
    return factory(spec.type()).resolve(spec);
  }

  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    return factory(spec.type()).build(ctx, spec, input);
  }
}
