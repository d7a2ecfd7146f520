package io.tfjlab.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.runs.HistoryCsv;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.callbacks.Callback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up in the middle of a run: a real 2 MB tmpfs (mounted by the test; skipped where
 * it cannot mount, i.e. not root) is filled after epoch 1. Writing epoch 2 fails with one line, the
 * {@code last} checkpoint of epoch 1 keeps its exact bytes, history.csv keeps whole rows, no
 * temporary file is left, and once space is freed {@code --resume} finishes the run.
 */
class DiskFullTest {
  @TempDir Path tmp;
  Path mount;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      run("umount", mount.toString());
    }
  }

  static int run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  RunExecutor executor() {
    return io.tfjlab.training.testsupport.ToyExecutor.of(tmp.resolve("data"), out);
  }

  @Test
  void aFullDiskAtEpoch2LeavesEpoch1sCheckpointAndHistoryIntactAndTheRunResumes() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("small-disk"));
    boolean mounted =
        "root".equals(System.getProperty("user.name"))
            && run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString()) == 0;
    assumeTrue(mounted, "needs root to mount a 2 MB tmpfs; skipped");
    mount = dir;
    Path runs = dir.resolve("runs");
    Path filler = dir.resolve("filler");
    Map<String, byte[]> atEpoch1 = new TreeMap<>();
    Callback fillTheDisk =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            if (logs.epoch() == 1) {
              Path run = runs.resolve("xor-toy-xor-all-1");
              atEpoch1.putAll(files(run.resolve("checkpoints")));
              fill(filler);
            }
          }
        };
    RunSpec spec =
        RunSpec.of(ModelSpec.of("xor")).withDataset("toy-xor").withEpochs(4).withThreads(1);
    assertThatThrownBy(
            () -> executor().withCallbacks(List.of(fillTheDisk)).train(spec, runs, "test", out))
        .satisfies(
            e ->
                System.out.println(
                    "disk full -> " + e.getClass().getSimpleName() + ": " + e.getMessage()))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .hasMessageMatching("(?s).*(No space left on device|Resource exhausted|out of space).*");
    Path run = runs.resolve("xor-toy-xor-all-1");
    assertThat(atEpoch1).containsKey("last/trainer-state.json");
    Map<String, byte[]> now = files(run.resolve("checkpoints"));
    assertThat(now.keySet()).isEqualTo(atEpoch1.keySet());
    atEpoch1.forEach((name, bytes) -> assertThat(now.get(name)).as(name).isEqualTo(bytes));
    HistoryCsv.Table history = HistoryCsv.read(run.resolve("history.csv"));
    assertThat(history.rows()).hasSizeBetween(1, 2);
    for (List<String> row : history.rows()) {
      assertThat(row).hasSize(HistoryCsv.COLUMNS.size());
    }
    try (Stream<Path> s = Files.walk(run)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".tmp-"));
    }

    Files.delete(filler);
    executor().resume(run, out);
    assertThat(HistoryCsv.read(run.resolve("history.csv")).rows()).hasSize(4);
    assertThat(run.resolve("results.json")).isRegularFile();
  }

  @Test
  void aFullDiskDuringSavedModelExportLeavesNoPartialFolderAndKeepsThePreviousExport()
      throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("small-disk-export"));
    boolean mounted =
        "root".equals(System.getProperty("user.name"))
            && run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString()) == 0;
    assumeTrue(mounted, "needs root to mount a 2 MB tmpfs; skipped");
    mount = dir;
    Path runs = tmp.resolve("runs"); // the run itself on the big disk
    RunSpec spec =
        RunSpec.of(ModelSpec.of("xor")).withDataset("toy-xor").withEpochs(1).withThreads(1);
    RunResult r = executor().train(spec, runs, "test", out);
    Path run = runs.resolve(r.run());
    ModelZoo zoo =
        com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    DatasetCatalog catalog =
        new DatasetCatalog(Map.of(), new DatasetStore(tmp.resolve("data"), Optional.empty(), out));
    Path previous = dir.resolve("saved_model");
    Path fresh = dir.resolve("saved_model_2");
    try (RestoredRun restored = RestoredRun.open(run, "best", catalog, zoo)) {
      SavedModelExport.export(restored, previous);
      Map<String, byte[]> before = files(previous);
      fill(dir.resolve("filler"));
      for (Path target : List.of(previous, fresh)) {
        assertThatThrownBy(() -> SavedModelExport.export(restored, target))
            .satisfies(
                e ->
                    System.out.println(
                        "export on a full disk -> "
                            + e.getClass().getSimpleName()
                            + ": "
                            + e.getMessage()))
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
            .hasMessageContaining("cannot export to " + target)
            .hasMessageContaining(
                target.equals(previous)
                    ? "nothing was written there, the previous export is kept"
                    : "nothing was written there");
      }
      Map<String, byte[]> after = files(previous);
      assertThat(after.keySet()).isEqualTo(before.keySet());
      before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
      assertThat(fresh).doesNotExist();
      try (Stream<Path> s = Files.list(dir)) {
        assertThat(s.map(p -> p.getFileName().toString()))
            .as("no partial or temporary export folder")
            .containsExactlyInAnyOrder("saved_model", "filler", "filler-tail");
      }
    }
  }

  static void fill(Path filler) {
    byte[] block = new byte[64 << 10];
    try (OutputStream o = Files.newOutputStream(filler)) {
      while (true) {
        o.write(block);
      }
    } catch (IOException full) {
      // the disk is full
    }
    try (OutputStream o = Files.newOutputStream(filler.resolveSibling("filler-tail"))) {
      while (true) {
        o.write(1);
        o.flush();
      }
    } catch (IOException full) {
      // and no single byte is left either
    }
  }

  static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
