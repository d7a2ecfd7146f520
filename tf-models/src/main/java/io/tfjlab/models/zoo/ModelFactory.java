package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;

/** Builds one kind of model of the zoo into a graph. Registered by name with Guice. */
public interface ModelFactory {
  /** The zoo name, e.g. {@code cnn}. */
  String name();

  /** One line for listings. */
  String description();

  /**
   * The spec with what this model derives from its options filled in, after its family's defaults
   * and preset (data: {@code io/tfjlab/models/families/<type>.json}) are laid under it. Most models
   * derive nothing.
   */
  default ModelSpec resolve(ModelSpec spec) {
    return spec;
  }

  /**
   * Checks, before anything is built or written, that the model can be built for this input (a
   * layer list's shapes); throws {@link IllegalArgumentException} naming the problem. Most models
   * fit any input of their task and check nothing.
   */
  default void validate(ModelSpec spec, InputSpec input) {}

  /** Builds the model; {@code spec} is resolved first. */
  BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input);
}
