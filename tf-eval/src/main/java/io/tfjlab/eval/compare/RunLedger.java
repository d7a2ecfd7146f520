package io.tfjlab.eval.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run folders under a runs root, looked up by resolved spec: a comparison reuses a finished run
 * with the same spec instead of training it again, and resumes an interrupted one.
 */
public final class RunLedger {
  /** What the ledger holds for a spec. */
  public sealed interface Entry permits Finished, Interrupted, Missing {}

  /** A finished run with results.json. */
  public record Finished(Path run) implements Entry {}

  /** A run that stopped after at least one epoch (it has a last checkpoint). */
  public record Interrupted(Path run) implements Entry {}

  public record Missing() implements Entry {}

  private final Path root;

  public RunLedger(Path root) {
    this.root = root;
  }

  /** The newest finished run with this resolved spec, else the newest resumable one, else missing. */
  public Entry find(RunSpec resolved) {
    JsonNode wanted = asRead(resolved);
    List<Path> same = runs().filter(p -> wanted.equals(specOf(p))).toList();
    Optional<Path> finished = same.stream().filter(p -> status(p).equals("finished")
        && Files.isRegularFile(p.resolve(RunDirectory.RESULTS))).max(byNumber());
    if (finished.isPresent()) {
      return new Finished(finished.get());
    }
    Optional<Path> resumable = same.stream().filter(p -> status(p).equals("running")
        && Files.isDirectory(p.resolve("checkpoints").resolve("last"))).max(byNumber());
    return resumable.<Entry>map(Interrupted::new).orElseGet(Missing::new);
  }

  /** The spec as it reads back from a manifest (so that 1L and 1 compare equal). */
  private static JsonNode asRead(RunSpec spec) {
    try {
      return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Stream<Path> runs() {
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.MANIFEST))).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode specOf(Path run) {
    try {
      return Json.MAPPER.readTree(run.resolve(RunDirectory.MANIFEST).toFile()).get("spec");
    } catch (IOException e) {
      return null; // an unreadable manifest matches nothing
    }
  }

  private static String status(Path run) {
    try {
      return Json.read(run.resolve(RunDirectory.MANIFEST), Manifest.class).status();
    } catch (IllegalArgumentException e) {
      return "unreadable";
    }
  }

  /** Run folders end in -N; the largest N is the newest. */
  private static Comparator<Path> byNumber() {
    return Comparator.comparingLong(p -> {
      String n = p.getFileName().toString();
      try {
        return Long.parseLong(n.substring(n.lastIndexOf('-') + 1));
      } catch (NumberFormatException e) {
        return -1L;
      }
    });
  }
}
