package io.tfjlab.eval.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.FolderLock;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RunDirectory;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.spec.ResolvedSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run folders under a runs root, looked up by resolved spec: a comparison or a study reuses a
 * finished run with the same spec instead of training it again, and resumes an interrupted one. The
 * key is the resolved spec without the machine's settings ({@code threads}) plus the tfjlab version
 * and the digest of the code that trains ({@link io.tfjlab.training.run.CodeDigest}): a run trained
 * by other code, or recorded before the digest existed, is never reused.
 */
public final class RunLedger {
  /** What the ledger holds for a spec. */
  public sealed interface Entry permits Finished, Interrupted, Missing {}

  /** A finished run with results.json. */
  public record Finished(Path run) implements Entry {}

  /** A run that stopped after at least one epoch (it has a last checkpoint). */
  public record Interrupted(Path run) implements Entry {}

  public record Missing() implements Entry {}

  /** A finished run of a spec, and whether it was already there. */
  public record Obtained(Path run, RunResult result, boolean reused) {}

  /** A run folder's manifest, read once: its status, resolved spec (key fields only) and code. */
  private record Recorded(
      Path run, String status, JsonNode spec, String version, String code, JsonNode checksums) {}

  /** Spec fields that are settings of the machine, not of the experiment. */
  private static final java.util.List<String> MACHINE_FIELDS = java.util.List.of("threads");

  private final Path root;

  public RunLedger(Path root) {
    this.root = root;
  }

  /**
   * The newest finished run with this resolved spec, else the newest resumable one, else missing.
   */
  public Entry find(RunSpec resolved) {
    return find(resolved, () -> Map.of());
  }

  /**
   * As {@link #find(RunSpec)}; for a user's data set (folder:, npz:, csv:, whose files can change
   * under the same name), a run matches only if it recorded the data's current content digests.
   */
  public Entry find(RunSpec resolved, java.util.function.Supplier<Map<String, String>> digests) {
    JsonNode wanted = asRead(resolved);
    boolean userData = io.tfjlab.data.user.DatasetRef.isReference(resolved.dataset());
    Map<String, String> current = Manifest.currentVersions();
    List<Recorded> same =
        runs()
            .filter(
                r ->
                    wanted.equals(r.spec())
                        && current.get("tfjlab").equals(r.version())
                        && current.get(Manifest.CODE_KEY).equals(r.code()))
            .toList();
    if (userData && !same.isEmpty()) {
      JsonNode now = Json.MAPPER.valueToTree(digests.get());
      same = same.stream().filter(r -> now.equals(r.checksums())).toList();
    }
    Optional<Path> finished =
        same.stream()
            .filter(
                r ->
                    r.status().equals("finished")
                        && Files.isRegularFile(r.run().resolve(RunDirectory.RESULTS)))
            .map(Recorded::run)
            .max(byNumber());
    if (finished.isPresent()) {
      return new Finished(finished.get());
    }
    Optional<Path> resumable =
        same.stream()
            .filter(
                r ->
                    r.status().equals("running")
                        && Files.isDirectory(new RunLayout(r.run()).checkpoint(RunLayout.LAST))
                        && !FolderLock.isBusy(r.run()))
            .map(Recorded::run)
            .max(byNumber());
    return resumable.<Entry>map(Interrupted::new).orElseGet(Missing::new);
  }

  /**
   * The finished run of {@code resolved}: reused if there is one, resumed if interrupted, else
   * trained now.
   */
  public Obtained obtain(RunExecutor executor, RunSpec resolved, String command, PrintStream out) {
    return obtain(executor, ResolvedSpec.of(resolved), command, out);
  }

  /**
   * As {@link #obtain(RunExecutor, RunSpec, String, PrintStream)}; a new run records the spec's
   * provenance.
   */
  public Obtained obtain(
      RunExecutor executor, ResolvedSpec resolution, String command, PrintStream out) {
    RunSpec resolved = executor.resolve(resolution.spec());
    awaitOtherProcesses(resolved, out);
    Entry entry = find(resolved, () -> executor.dataChecksums(resolved.dataset()));
    if (entry instanceof Finished f) {
      RunResult result = Json.read(f.run().resolve(RunDirectory.RESULTS), RunResult.class);
      out.printf(
          Locale.ROOT,
          "reusing %s (same spec, finished): test %s %.4f%n",
          f.run(),
          result.metricName(),
          result.testMetric());
      return new Obtained(f.run(), result, true);
    }
    if (entry instanceof Interrupted i) {
      out.println("resuming interrupted " + i.run());
      return new Obtained(i.run(), executor.resume(i.run(), out), false);
    }
    RunResult result = executor.train(resolution, root, command, out);
    return new Obtained(root.resolve(result.run()), result, false);
  }

  /**
   * Waits while another process trains a run of this spec (its folder is locked): two {@code
   * compare} commands over the same runs folder then share the run instead of both training or
   * resuming it. (Two that start the same missing run at the same moment train two runs, in two
   * folders.)
   */
  private void awaitOtherProcesses(RunSpec resolved, PrintStream out) {
    JsonNode wanted = asRead(resolved);
    while (true) {
      Optional<Path> busy =
          runs()
              .filter(
                  r ->
                      wanted.equals(r.spec())
                          && r.status().equals("running")
                          && FolderLock.isBusy(r.run()))
              .map(Recorded::run)
              .findFirst();
      if (busy.isEmpty()) {
        return;
      }
      Path run = busy.get();
      try (FolderLock waited =
          FolderLock.acquire(
              run,
              () ->
                  out.println(
                      "waiting for "
                          + run
                          + ": another tfjlab process is training it (the same spec) ..."))) {
        // released at once: the other process is done with it
      }
    }
  }

  /** The spec's key fields as they read back from a manifest (so that 1L and 1 compare equal). */
  private static JsonNode asRead(RunSpec spec) {
    try {
      return keyFields(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(spec)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Stream<Recorded> runs() {
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s
          .filter(p -> Files.isRegularFile(p.resolve(RunDirectory.MANIFEST)))
          .map(RunLedger::recorded)
          .flatMap(Optional::stream)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** The manifest's status and spec; an unreadable manifest matches nothing. */
  private static Optional<Recorded> recorded(Path run) {
    try {
      JsonNode m = Json.MAPPER.readTree(run.resolve(RunDirectory.MANIFEST).toFile());
      return Optional.of(
          new Recorded(
              run,
              m.path("status").asText("unreadable"),
              keyFields(m.get("spec")),
              m.path("versions").path("tfjlab").asText(null),
              m.path("versions").path(Manifest.CODE_KEY).asText(null),
              m.path("data").path("checksums")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static JsonNode keyFields(JsonNode spec) {
    if (spec instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      com.fasterxml.jackson.databind.node.ObjectNode key = o.deepCopy();
      MACHINE_FIELDS.forEach(key::remove);
      // a manifest writes "unset" fields as explicit nulls (ReplayableSpecSerializer): the same as
      // absent
      key.properties().removeIf(e -> e.getValue().isNull());
      return key;
    }
    return spec;
  }

  /** Run folders end in -N; the largest N is the newest. */
  private static Comparator<Path> byNumber() {
    return Comparator.comparingLong(RunLayout::number);
  }
}
