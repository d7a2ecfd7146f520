package io.tfjlab.training.cli;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.SavedModelExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: a run's checkpoint as a SavedModel TensorFlow Serving and Python can load. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export a run's best (or last) checkpoint as a SavedModel with a serving_default signature.")
public final class ExportCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run folder.")
  Path run;

  @Option(names = "--checkpoint", defaultValue = "best", description = "best (default) or last.")
  String checkpoint;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Target folder (default: RUN/saved_model).")
  Path output;

  @Override
  public Integer call() {
    try (RestoredRun r =
        RestoredRun.open(
            run,
            checkpoint,
            Guice.createInjector(
                new TrainingModule(
                    DataOptions.defaults(),
                    DeviceSelection.placementOf(commandSpec.root().userObject()))))) {
      Path target = output != null ? output : r.run().savedModel();
      SavedModelExport.export(r, target);
      System.out.println(
          "SavedModel ("
              + checkpoint
              + " checkpoint, epoch "
              + r.state().bestEpoch()
              + ") written to "
              + target
              + "; signature serving_default: images float32 "
              + shape(r)
              + " in [0,1] -> "
              + (SavedModelExport.classifies(r.model().task())
                  ? "probabilities, classes"
                  : "output"));
    }
    return 0;
  }

  private static String shape(RestoredRun r) {
    long[] s = r.data().input().shape();
    StringBuilder b = new StringBuilder("[-1");
    for (long d : s) {
      b.append(',').append(d);
    }
    return b.append(']').toString();
  }
}
