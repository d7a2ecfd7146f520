package io.tfjlab.cli;

import com.google.inject.Injector;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.RunDirectory;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.run.SavedModelExport;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exports a finished run's evaluated checkpoint as RUN/saved_model, once, so notebooks can re-check
 * it in Python.
 */
final class RunExports {
  private RunExports() {}

  static void ensure(Path run, Injector injector) {
    RunDirectory dir = RunDirectory.open(run);
    if (Files.isDirectory(dir.savedModel()) || !Files.isRegularFile(dir.results())) {
      return;
    }
    String checkpoint = Json.read(dir.results(), RunResult.class).checkpoint();
    try (RestoredRun r = RestoredRun.open(run, checkpoint, injector)) {
      SavedModelExport.export(r, dir.savedModel());
    }
  }
}
