package io.tfjlab.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the test resources' Python scripts with the interop virtualenv, or skips saying why. */
final class PythonInterop {
  private PythonInterop() {}

  static Path python() {
    String p = System.getProperty("tfjlab.python", ".venv-interop/bin/python");
    Path python = Path.of(p);
    assumeTrue(Files.isExecutable(python), "SKIPPED: no Python interop environment at " + python
        + " (create it with scripts/python-interop-env.sh; mvn verify does unless -Dinterop.skip=true)");
    return python;
  }

  /** Runs a script from the test resources; returns its standard output, failing on a non-zero exit. */
  static String run(String script, Path workDir, String... args) throws IOException, InterruptedException {
    Path file = workDir.resolve(script);
    try (InputStream in = PythonInterop.class.getResourceAsStream("/" + script)) {
      Files.copy(in, file);
    }
    List<String> cmd = new ArrayList<>(List.of(python().toString(), file.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(workDir.resolve(script + ".err").toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.environment().put("CUDA_VISIBLE_DEVICES", "");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(script + " failed: " + Files.readString(workDir.resolve(script + ".err")));
    }
    return out;
  }
}
