package io.tfjlab.training.cli;

import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.spec.ResolvedSpec;
import io.tfjlab.training.spec.SpecResolver;
import picocli.CommandLine;

/** {@code train} options parsed and resolved as the command does, for tests. */
final class Options {
  static final ModelZoo ZOO =
      com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);

  private Options() {}

  static ResolvedSpec resolve(String... args) {
    TrainCommand train = new TrainCommand();
    new CommandLine(train).parseArgs(args);
    return train.resolve(new SpecResolver(ZOO));
  }
}
