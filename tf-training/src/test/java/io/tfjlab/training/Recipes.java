package io.tfjlab.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.spec.SpecResolver;
import java.util.List;

/**
 * Test helper: a model's run spec with its family's defaults, as {@code Recipes.base} gave it
 * before the spec resolver replaced that class (the golden and resume tests were written against it):
 * the model through {@link SpecResolver}, nothing else given.
 */
public final class Recipes {
  private Recipes() {}

  /** The resolved spec of {@code {"model": model}}: built-in defaults, then the family's. */
  public static RunSpec base(ModelSpec model) {
    ModelZoo zoo = com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    ObjectNode given = Json.MAPPER.createObjectNode();
    given.set("model", Json.MAPPER.valueToTree(model));
    return new SpecResolver(zoo).resolve(List.of(new SpecLayer("test", given))).spec();
  }
}
