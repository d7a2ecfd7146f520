package io.tfjlab.training.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.spec.SpecResolver;
import java.util.List;

/** A model's run spec with its family's defaults, as {@code --model NAME} resolves it. */
public final class FamilyDefaults {
  private static final SpecResolver RESOLVER =
      new SpecResolver(
          com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class));

  private FamilyDefaults() {}

  public static RunSpec base(ModelSpec model) {
    ObjectNode layer = Json.MAPPER.createObjectNode();
    layer.set("model", Json.MAPPER.valueToTree(model));
    return RESOLVER.resolve(List.of(new SpecLayer("test", layer))).spec();
  }
}
