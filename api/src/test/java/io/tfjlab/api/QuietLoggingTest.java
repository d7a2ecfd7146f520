package io.tfjlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java program using the API prints none of TensorFlow's C++ log lines on standard error ({@link
 * NativeLogging}): a child JVM without {@code TF_CPP_MIN_LOG_LEVEL} in its environment trains a toy
 * run through {@link Experiment}; the same child with {@code -Dtfjlab.verbose=true} shows the lines
 * that are otherwise hidden.
 */
class QuietLoggingTest {
  @TempDir Path tmp;

  /** The child: one short toy run, then what {@link NativeLogging} did, on standard output. */
  public static void main(String[] args) throws Exception {
    try (TrainedRun run =
        Experiment.builder()
            .model("xor")
            .dataset("toy-xor")
            .epochs(1)
            .batchSize(64)
            .threads(1)
            .runsDir(Path.of(args[0]))
            .quiet()
            .build()
            .fit()) {
      System.out.println("accuracy " + run.testAccuracy());
    }
    System.out.println("native logging: " + NativeLogging.outcome());
  }

  record Child(int exit, String out, String err) {}

  Child child(String name, String... jvmOptions) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(List.of(jvmOptions));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(QuietLoggingTest.class.getName());
    cmd.add(tmp.resolve(name).toString());
    Path out = tmp.resolve(name + ".out");
    Path err = tmp.resolve(name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("TF_CPP_MIN_LOG_LEVEL");
    pb.environment().remove("TFJLAB_DEBUG");
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aJavaApiRunPrintsNoTensorFlowLogLinesAndVerboseShowsThem() throws Exception {
    Child quiet = child("quiet");
    System.out.println("quiet child: exit " + quiet.exit() + ", stdout " + quiet.out().strip());
    System.out.println("quiet child stderr: [" + quiet.err().strip() + "]");
    assertThat(quiet.exit()).as(quiet.err()).isZero();
    assertThat(quiet.out())
        .contains("native logging: TF_CPP_MIN_LOG_LEVEL=2, absl::SetMinLogLevel(ERROR)");
    assertThat(quiet.err())
        .doesNotContain("absl::InitializeLog", "I0000", "mlir_graph_optimization_pass", "oneDNN");
    Child verbose = child("verbose", "-Dtfjlab.verbose=true");
    System.out.println("verbose child stderr: [" + verbose.err().strip() + "]");
    assertThat(verbose.exit()).as(verbose.err()).isZero();
    assertThat(verbose.err()).contains("absl::InitializeLog");
  }
}
