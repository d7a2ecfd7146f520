package io.tfjlab.training.cli;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.models.spec.ModelFamily;
import io.tfjlab.models.zoo.ModelFactory;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.TrainingModule;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code models}: the zoo. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description =
        "List the models of the zoo, with their presets (named overlays, --preset) and the model options"
            + " each reads (defaults and presets: tf-models' families/<type>.json).")
public final class ModelsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    ModelZoo zoo =
        Guice.createInjector(new TrainingModule(DataOptions.defaults()))
            .getInstance(ModelZoo.class);
    for (ModelFactory f : zoo.factories().values()) {
      System.out.printf("%-14s %s%n", f.name(), f.description());
      ModelFamily family = ModelFamily.of(f.name());
      if (!family.presetNames().isEmpty()) {
        System.out.printf("%-14s   presets: %s%n", "", String.join(", ", family.presetNames()));
      }
      List<String> fields = family.fields();
      System.out.printf(
          "%-14s   options: %s%n", "", fields.isEmpty() ? "none" : String.join(", ", fields));
    }
    return 0;
  }
}
