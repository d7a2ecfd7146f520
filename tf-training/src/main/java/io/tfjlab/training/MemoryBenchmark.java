package io.tfjlab.training;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.run.RunExecutor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Long runs keep native memory flat: trains a small model (the zoo's {@code mlp}) for {@code steps}
 * training steps through the whole engine (feeding, validation every epoch, checkpoints, history,
 * TensorBoard) and prints the process's resident memory ({@code VmRSS} of {@code
 * /proc/self/status}) after {@code warmup} steps, every 1,000 steps and at the end. Not a unit
 * test:
 *
 * <pre>
 *   ./tfjlab --version    # builds the CLI and its classpath from this worktree
 *   TF_CPP_MIN_LOG_LEVEL=2 java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "cli/target/tfjlab-cli.jar:$(cat cli/target/classpath.txt)" \
 *       io.tfjlab.training.MemoryBenchmark mnist 10000 1000
 * </pre>
 *
 * Run it with {@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch} so that the Java heap is resident from the
 * start and what grows is native memory. Arguments: data set (default mnist; toy-xor with the xor
 * model needs no download), steps (default 10000), warm-up steps (default 1000).
 */
public final class MemoryBenchmark {
  private static final int STEPS_PER_EPOCH = 100;

  private MemoryBenchmark() {}

  /** A line of {@code /proc/self/status} in kB ({@code VmRSS}, {@code VmHWM}), or -1. */
  static long statusKb(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** The Java heap the JVM has committed (part of VmRSS; fixed with -Xms = -Xmx). */
  static long heapKb() {
    return Runtime.getRuntime().totalMemory() / 1024;
  }

  public static void main(String[] args) throws IOException {
    String dataset = args.length > 0 ? args[0] : "mnist";
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    if (steps % STEPS_PER_EPOCH != 0 || warmup >= steps) {
      throw new IllegalArgumentException(
          "steps must be a multiple of " + STEPS_PER_EPOCH + " and larger than the warm-up");
    }
    String model = dataset.equals("toy-xor") ? "xor" : "mlp";
    RunSpec spec =
        RunSpec.of(ModelSpec.of(model))
            .withDataset(dataset)
            .withEpochs(steps / STEPS_PER_EPOCH)
            .withStepsPerEpoch(STEPS_PER_EPOCH)
            .withBatchSize(model.equals("xor") ? 16 : 128)
            .withThreads(2);
    PrintStream out = System.out;
    long[] atWarmup = {-1};
    Callback probe =
        new Callback() {
          int step;

          @Override
          public void onBatchEnd(
              TrainingContext ctx, int batch, int batches, double loss, double metric) {
            step++;
            if (step == warmup) {
              atWarmup[0] = statusKb("VmRSS");
              out.printf(
                  Locale.ROOT,
                  "step %6d (warm-up done): VmRSS %,d kB; Java heap committed %,d kB%n",
                  step,
                  atWarmup[0],
                  heapKb());
            } else if (step % 1000 == 0) {
              out.printf(
                  Locale.ROOT,
                  "step %6d: VmRSS %,d kB; Java heap committed %,d kB%n",
                  step,
                  statusKb("VmRSS"),
                  heapKb());
            }
          }
        };
    Path runs = Files.createTempDirectory("tfjlab-memory-bench");
    long t0 = System.nanoTime();
    try {
      RunExecutor executor =
          Guice.createInjector(
                  new TrainingModule(
                      new DataModule.DataOptions(Optional.empty(), Optional.empty())))
              .getInstance(RunExecutor.class)
              .withCallbacks(List.of(probe));
      executor.train(
          spec, runs, "MemoryBenchmark", new PrintStream(java.io.OutputStream.nullOutputStream()));
      long end = statusKb("VmRSS");
      out.printf(
          Locale.ROOT,
          "%s on %s, %d steps in %.0f s: VmRSS %,d kB after %d warm-up steps, %,d kB at the end"
              + " (%+.1f MB); peak VmHWM %,d kB%n",
          model,
          dataset,
          steps,
          (System.nanoTime() - t0) / 1e9,
          atWarmup[0],
          warmup,
          end,
          (end - atWarmup[0]) / 1024.0,
          statusKb("VmHWM"));
    } finally {
      io.tfjlab.data.io.Folders.deleteQuietly(runs);
    }
  }
}
