package io.tfjlab.training.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs started at the same moment in one runs folder get distinct folders (atomic {@code mkdir},
 * next number on a clash), and writers of one JSON file (a report's table, a manifest) never leave
 * it half-written: each write goes to a temporary file of its own and is renamed in place.
 */
class ConcurrentWritesTest {
  @TempDir Path tmp;

  @Test
  void runsStartedTogetherNeverShareAFolder() throws Exception {
    int threads = 8;
    int each = 5;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Path>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                List<Path> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                  mine.add(RunDirectory.create(tmp.resolve("runs"), "cnn", "mnist", 100).path());
                }
                return mine;
              }));
    }
    Set<Path> all = new HashSet<>();
    for (Future<List<Path>> f : futures) {
      all.addAll(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(all).hasSize(threads * each);
    try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
      assertThat(s.count()).isEqualTo(threads * each);
    }
  }

  @Test
  void concurrentWritersOfOneJsonFileNeverLeaveItHalfWritten() throws Exception {
    Path file = tmp.resolve("comparison.json");
    Json.write(file, Map.of("writer", -1, "rows", List.of()));
    int writers = 4;
    int writes = 150;
    CyclicBarrier start = new CyclicBarrier(writers + 1);
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      final int id = w;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < writes; i++) {
                  // big enough that a write takes several system calls
                  List<String> rows = new ArrayList<>();
                  for (int r = 0; r < 2_000; r++) {
                    rows.add("writer " + id + " row " + r);
                  }
                  Json.write(file, Map.of("writer", id, "rows", rows));
                }
                return null;
              }));
    }
    futures.add(
        pool.submit(
            () -> {
              start.await();
              int reads = 0;
              while (!done.get() || reads < 10) {
                try {
                  var node = Json.MAPPER.readTree(file.toFile());
                  int rows = node.get("rows").size();
                  if (node.get("writer").asInt() >= 0 && rows != 2_000) {
                    problems.add("a file with " + rows + " rows");
                  }
                } catch (Exception e) {
                  problems.add(e.toString());
                }
                reads++;
              }
              return null;
            }));
    for (int w = 0; w < writers; w++) {
      futures.get(w).get(120, TimeUnit.SECONDS);
    }
    done.set(true);
    futures.get(writers).get(60, TimeUnit.SECONDS);
    pool.shutdown();
    assertThat(problems).isEmpty();
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("comparison.json");
    }
  }
}
