package io.tfjlab.api;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Keeps TensorFlow's own C++ log lines out of a Java program's standard error, as {@code ./tfjlab}
 * does: the API's entry points call {@link #quiet()} before TensorFlow's native library is used.
 * TensorFlow reads {@code TF_CPP_MIN_LOG_LEVEL} with the C library's {@code getenv}, which Java's
 * environment cannot change, so it is set with libc's {@code setenv} (through JNA) before the
 * library loads; the lines TensorFlow 2.18 writes through Abseil ignore that variable (the
 * "WARNING: All log messages before absl::InitializeLog() is called ..." notice and the INFO line
 * that follows it), so Abseil's minimum level is raised to ERROR too, with {@code
 * absl::SetMinLogLevel}, exported by {@code libtensorflow_framework}. Nothing is changed when the
 * user set {@code TF_CPP_MIN_LOG_LEVEL}, asked for TensorFlow's logs ({@code -Dtfjlab.verbose=true}
 * or {@code TFJLAB_DEBUG=1}), or the platform offers neither call (then TensorFlow logs as it
 * would; the API works the same).
 */
final class NativeLogging {
  /** What {@code TF_CPP_MIN_LOG_LEVEL=2} means, as Abseil's {@code LogSeverityAtLeast}. */
  static final int ERROR = 2;

  /** {@code absl::SetMinLogLevel(absl::LogSeverityAtLeast)} of the Abseil in TensorFlow 2.18. */
  static final List<String> SET_MIN_LOG_LEVEL =
      List.of("_ZN4absl12lts_2023080214SetMinLogLevelENS0_18LogSeverityAtLeastE");

  /** Abseil's private {@code min_log_level} in {@code libtensorflow_cc} (TensorFlow 2.18). */
  static final String PRIVATE_MIN_LOG_LEVEL =
      "_ZN4absl12lts_2023080212_GLOBAL__N_113min_log_levelE.0";

  private static boolean done;
  private static String outcome = "not tried";

  private NativeLogging() {}

  /** The C library's {@code setenv}. */
  interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /** Quiets TensorFlow's native logging once per process (see the class comment). */
  static synchronized void quiet() {
    if (done) {
      return;
    }
    done = true;
    if (System.getenv("TF_CPP_MIN_LOG_LEVEL") != null
        || Boolean.getBoolean("tfjlab.verbose")
        || "1".equals(System.getenv("TFJLAB_DEBUG"))) {
      outcome = "left as asked (TF_CPP_MIN_LOG_LEVEL, tfjlab.verbose or TFJLAB_DEBUG set)";
      return;
    }
    try {
      LibC libc = Native.load("c", LibC.class);
      libc.setenv("TF_CPP_MIN_LOG_LEVEL", "2", 0);
      org.tensorflow.TensorFlow.version(); // loads TensorFlow's native libraries
      Optional<Path> framework = loaded("libtensorflow_framework.so");
      if (framework.isEmpty()) {
        outcome = "TF_CPP_MIN_LOG_LEVEL set; libtensorflow_framework not found in /proc/self/maps";
        return;
      }
      NativeLibrary tf = NativeLibrary.getInstance(framework.get().toString());
      boolean set = false;
      for (String symbol : SET_MIN_LOG_LEVEL) {
        try {
          Function f = tf.getFunction(symbol);
          f.invokeVoid(new Object[] {ERROR});
          set = true;
          break;
        } catch (UnsatisfiedLinkError e) {
          // another Abseil version: try the next name
        }
      }
      // libtensorflow_cc holds a second, private copy of Abseil (its graph optimisation passes log
      // through it); it exports no setter, so its minimum level is written where its symbol table
      // says the variable is, after checking the symbol, its section and its current value
      String cc =
          loaded("libtensorflow_cc.so")
              .map(p -> ElfVariable.setIfDefault(p, PRIVATE_MIN_LOG_LEVEL, 0, ERROR))
              .orElse("libtensorflow_cc not loaded");
      outcome =
          "TF_CPP_MIN_LOG_LEVEL=2"
              + (set ? ", absl::SetMinLogLevel(ERROR)" : ", absl::SetMinLogLevel not found")
              + "; libtensorflow_cc: "
              + cc;
    } catch (LinkageError | RuntimeException e) {
      outcome = "not available here: " + e;
    }
  }

  /** What {@link #quiet()} did (for tests and diagnostics). */
  static synchronized String outcome() {
    return outcome;
  }

  /** The path of a loaded shared library whose file name starts with {@code prefix}. */
  private static Optional<Path> loaded(String prefix) {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(maps)) {
        int slash = line.indexOf('/');
        if (slash >= 0) {
          Path p = Path.of(line.substring(slash).trim());
          if (p.getFileName() != null && p.getFileName().toString().startsWith(prefix)) {
            return Optional.of(p);
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
