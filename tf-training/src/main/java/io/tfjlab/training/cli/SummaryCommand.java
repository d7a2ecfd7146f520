package io.tfjlab.training.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import io.tfjlab.models.ModelSummary;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.TrainingModule;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tensorflow.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code summary}: Keras' model.summary() for a zoo model, without loading any data. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print a model's layers, output shapes and parameter counts (Keras style).")
public final class SummaryCommand implements Callable<Integer> {
  @Mixin ModelOptions modelOptions = new ModelOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Option(names = "--dataset", defaultValue = "mnist", description = "Input shape and classes of this data set (default ${DEFAULT-VALUE}).")
  String dataset;

  @Override
  public Integer call() {
    Placement placement = DeviceSelection.placementOf(commandSpec.root().userObject());
    Injector injector = Guice.createInjector(new TrainingModule(DataOptions.defaults(), placement));
    ModelZoo zoo = injector.getInstance(ModelZoo.class);
    ModelSpec spec = modelOptions.modelSpec();
    InputSpec input = inputFor(injector.getInstance(DatasetCatalog.class), dataset);
    if (Boolean.TRUE.equals(zoo.resolve(spec).standardize())) {
      int n = (int) (input.shape()[0] * input.shape()[1] * input.shape()[2]);
      input = input.withPixelStats(new float[n], new float[n]);
    }
    try (Graph g = new Graph()) {
      System.out.print(ModelSummary.render(zoo.build(placement.context(g, 1), spec, input)));
    }
    return 0;
  }

  /** The input spec of a data set from its catalog entry (or a toy), without loading it. */
  public static InputSpec inputFor(DatasetCatalog catalog, String dataset) {
    switch (dataset) {
      case "toy-xor", "toy-blobs" -> {
        return InputSpec.vectors(2, 1);
      }
      case "toy-linreg" -> {
        return InputSpec.vectors(1, 1);
      }
      default -> {
        DatasetDescriptor d = catalog.descriptor(dataset);
        ImageShape s = d.shape();
        return InputSpec.images(s.height(), s.width(), s.channels(), d.classNames().size());
      }
    }
  }
}
