package io.tfjlab.training.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import io.tfjlab.models.ModelSummary;
import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.spec.SpecResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorflow.Graph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code summary}: Keras' model.summary() for a zoo model or a spec file's model, without loading
 * any data.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Print a model's layers, output shapes and parameter counts (Keras style).",
      "Example: ./tfjlab summary --spec examples/layers-cnn.json"
    })
public final class SummaryCommand implements Callable<Integer> {
  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "A JSON run spec (its model and data set); options " + "below override them.")
  Path specFile;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Option(
      names = "--dataset",
      description = "Input shape and classes of this data set (default: the spec's, else mnist).")
  String dataset;

  @Override
  public Integer call() {
    Placement placement = DeviceSelection.placementOf(commandSpec.root().userObject());
    Injector injector = Guice.createInjector(new TrainingModule(DataOptions.defaults(), placement));
    ModelZoo zoo = injector.getInstance(ModelZoo.class);
    List<SpecLayer> layers = new java.util.ArrayList<>();
    if (specFile != null) {
      layers.add(SpecResolver.file(specFile));
    }
    layers.add(OptionLayer.of(modelOptions));
    RunSpec resolved = new SpecResolver(zoo).resolve(layers).spec();
    ModelSpec spec = resolved.model();
    String data = dataset != null ? dataset : resolved.dataset();
    InputSpec input = inputFor(injector.getInstance(DatasetCatalog.class), data);
    if (zoo.resolve(spec).standardizesInput()) {
      int n = (int) Shapes.size(input.shape());
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
