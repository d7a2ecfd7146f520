package io.tfjlab.training.cli;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.RestoredRun;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --run RUN [--checkpoint best|last]}: the run folder and checkpoint that a command reloads
 * (evaluate, export), as a picocli mixin.
 */
public final class RunCheckpoint {
  @Option(names = "--run", required = true, paramLabel = "RUN", description = "The run folder.")
  Path run;

  @Option(names = "--checkpoint", defaultValue = "best", description = "best (default) or last.")
  String checkpoint;

  /** best or last, as given. */
  public String checkpoint() {
    return checkpoint;
  }

  /**
   * Reloads the checkpoint of the run, with the default data options and the device placement of
   * the root command of {@code command} (its {@code --device}).
   */
  public RestoredRun open(CommandSpec command) {
    return RestoredRun.open(
        run,
        checkpoint,
        Guice.createInjector(
            new TrainingModule(
                DataOptions.defaults(), DeviceSelection.placementOf(command.root().userObject()))));
  }
}
