package io.tfjlab.training.cli;

import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.SavedModelExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: a run's checkpoint as a SavedModel TensorFlow Serving and Python can load. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export a run's best (or last) checkpoint as a SavedModel with a serving_default signature.")
public final class ExportCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @Mixin RunCheckpoint run;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Target folder (default: RUN/saved_model).")
  Path output;

  @Override
  public Integer call() {
    try (RestoredRun r = run.open(commandSpec)) {
      Path target = output != null ? output : r.run().savedModel();
      SavedModelExport.export(r, target);
      System.out.println(
          "SavedModel ("
              + run.checkpoint()
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
