package io.tfjlab.models.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.spec.ModelFamily;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.spec.SpecMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The models by name (a Guice {@code MapBinder} of {@link ModelFactory}). */
public final class ModelZoo {
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
      throw new IllegalArgumentException(
          "unknown model '" + name + "'; known: " + String.join(", ", factories.keySet()));
    }
    return f;
  }

  /**
   * The model with its family's defaults and preset under it ({@link ModelFamily}: the {@code
   * model} part of {@code io/tfjlab/models/families/<type>.json}), then checked by its factory.
   */
  public ModelSpec resolve(ModelSpec spec) {
    ModelFactory f = factory(spec.type());
    ObjectNode given = MAPPER.valueToTree(spec);
    ModelFamily.of(spec.type()).checkFields(given);
    List<SpecLayer> layers = new ArrayList<>();
    for (SpecLayer l : ModelFamily.of(spec.type()).layers(given)) {
      layers.add(new SpecLayer(l.name(), modelPart(l.values())));
    }
    layers.add(new SpecLayer("model", modelPart(MAPPER.createObjectNode().set("model", given))));
    try {
      return f.resolve(
          MAPPER.treeToValue(SpecMerge.merge(layers).values().get("model"), ModelSpec.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("model: " + e.getOriginalMessage(), e);
    }
  }

  /** Checks that the model can be built for this input, before a run writes anything. */
  public void validate(ModelSpec spec, InputSpec input) {
    factory(spec.type()).validate(spec, input);
  }

  private static ObjectNode modelPart(ObjectNode overlay) {
    ObjectNode o = MAPPER.createObjectNode();
    if (overlay.has("model")) {
      o.set("model", overlay.get("model"));
    }
    return o;
  }

  /** Builds the model of a spec, resolved first. */
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    return factory(spec.type()).build(ctx, resolve(spec), input);
  }
}
