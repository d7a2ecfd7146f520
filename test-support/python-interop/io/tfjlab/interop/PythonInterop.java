package io.tfjlab.interop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python (the interop virtualenv) on what the interop tests wrote, or skips saying why (fails
 * instead when {@link #REQUIRE} is set, as .ci/run does). One copy for the modules whose tests
 * check their outputs with Python (tf-eval, notebooks-export): their poms add this folder as a test
 * source (build-helper-maven-plugin, configured in the parent pom).
 */
public final class PythonInterop {
  private PythonInterop() {}

  /**
   * The environment variable .ci/run sets: when it is 1, a missing Python environment fails the
   * interop tests instead of skipping them.
   */
  public static final String REQUIRE = "TFJLAB_REQUIRE_INTEROP";

  /** Whether {@link #REQUIRE} is set (to anything but 0 or false). */
  public static boolean required() {
    String v = System.getenv(REQUIRE);
    return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  /** The interop Python; skips the test without it, or fails it when {@link #REQUIRE} is set. */
  public static Path python() {
    String p = System.getProperty("tfjlab.python", "../.venv-interop/bin/python");
    Path python = Path.of(p);
    if (!Files.isExecutable(python)) {
      String why =
          "no Python interop environment at "
              + python
              + " (create it with scripts/python-interop-env.sh; mvn verify does unless -Dinterop.skip=true)";
      if (required()) {
        fail(REQUIRE + " is set but there is " + why);
      }
      abort("SKIPPED: " + why);
    }
    return python;
  }

  /**
   * Runs a script from the test resources; returns its standard output, failing on a non-zero exit.
   */
  public static String script(String script, Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path file = workDir.resolve(script);
    try (InputStream in = PythonInterop.class.getResourceAsStream("/" + script)) {
      Files.copy(in, file);
    }
    List<String> cmd = new ArrayList<>(List.of(file.toString()));
    cmd.addAll(List.of(args));
    return python(workDir, env, cmd);
  }

  /**
   * Runs {@code python ARGS...} in {@code workDir}; returns its standard output, failing on a
   * non-zero exit.
   */
  public static String python(Path workDir, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(python().toString());
    cmd.addAll(args);
    Path err = Files.createTempFile(workDir, "python-", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).directory(workDir.toFile()).redirectError(err.toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.environment().put("CUDA_VISIBLE_DEVICES", "");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + Files.readString(err));
    }
    return out;
  }
}
