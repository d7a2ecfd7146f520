package io.tfjlab.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.data.cli.DatasetRefOptions;
import io.tfjlab.data.user.DatasetRef;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RunDirectory;
import io.tfjlab.training.spec.BuiltInDefaults;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Options given with {@code train --resume}: a resumed run keeps the spec of its manifest, so an
 * option that says something else is refused (naming the option and both values) instead of being
 * silently ignored; an option that repeats the manifest's value is harmless.
 */
final class ResumeOptions {
  private ResumeOptions() {}

  /**
   * The options of {@code train} that are not fields of the spec layer but still say something
   * about the run: {@code --image-size} / {@code --color} (they complete the data set reference),
   * {@code --label-seeds}, and {@code --runs-dir} when given.
   */
  record Extra(DatasetRefOptions datasetRef, List<Long> labelSeeds, Path runsDir) {
    static final Extra NONE = new Extra(new DatasetRefOptions(), null, null);
  }

  /** Refuses the first of {@code options} (a spec layer) that contradicts the run's manifest. */
  static void check(Path runPath, JsonNode options) {
    check(runPath, options, Extra.NONE);
  }

  /**
   * Refuses the first of {@code options} (a spec layer) or of {@code extra} that contradicts the
   * run's manifest.
   */
  static void check(Path runPath, JsonNode options, Extra extra) {
    if (options.isEmpty()
        && !extra.datasetRef().any()
        && extra.labelSeeds() == null
        && extra.runsDir() == null) {
      return;
    }
    Manifest manifest = Manifest.read(RunDirectory.open(runPath).manifest());
    if ("finished".equals(manifest.status())) {
      return; // the resume itself says it is finished
    }
    RunSpec spec = manifest.spec();
    compare(options, Json.MAPPER.valueToTree(spec), BuiltInDefaults.values(), "", runPath);
    if (extra.datasetRef().any()) {
      String wanted = extra.datasetRef().apply(spec.dataset());
      if (!DatasetRef.parse(wanted).equals(DatasetRef.parse(spec.dataset()))) {
        throw contradiction(
            runPath, "dataset", '"' + spec.dataset() + '"', "--image-size / --color", wanted);
      }
    }
    if (extra.labelSeeds() != null
        && !(extra.labelSeeds().size() == 1
            && extra.labelSeeds().get(0).equals(spec.labelSeed()))) {
      throw contradiction(
          runPath,
          "labelSeed",
          spec.labelSeed().toString(),
          "--label-seeds",
          extra.labelSeeds().stream().map(String::valueOf).collect(Collectors.joining(","))
              + " (one run per seed)");
    }
    if (extra.runsDir() != null) {
      Path parent = runPath.toAbsolutePath().normalize().getParent();
      if (!extra.runsDir().toAbsolutePath().normalize().equals(parent)) {
        throw new IllegalArgumentException(
            "--runs-dir does not apply to --resume: "
                + runPath
                + " stays in "
                + parent
                + "; leave --runs-dir out");
      }
    }
  }

  private static IllegalArgumentException contradiction(
      Path run, String path, String was, String option, String asks) {
    return new IllegalArgumentException(
        "--resume continues "
            + run
            + " with the spec of its manifest, where "
            + path
            + " is "
            + was
            + "; "
            + option
            + " asks for "
            + asks
            + ": leave the option out, or start a new run with it");
  }

  private static void compare(
      JsonNode given, JsonNode recorded, JsonNode defaults, String prefix, Path run) {
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      JsonNode was = recorded.path(e.getKey());
      if (was.isMissingNode()) {
        // a value a spec leaves out when it is the built-in default (nonFinite)
        was = defaults.path(e.getKey());
      }
      if (e.getValue().isObject() && was.isObject()) {
        compare(e.getValue(), was, defaults.path(e.getKey()), path + ".", run);
      } else if (!same(e.getValue(), was)) {
        throw new IllegalArgumentException(
            "--resume continues "
                + run
                + " with the spec of its manifest, where "
                + path
                + " is "
                + (was.isMissingNode() ? "null" : was.toString())
                + "; the option asks for "
                + e.getValue()
                + ": leave the option out, or start a new run with it");
      }
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    boolean aNull = a.isNull() || a.isMissingNode();
    boolean bNull = b.isNull() || b.isMissingNode();
    if (aNull || bNull) {
      return aNull && bNull;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
