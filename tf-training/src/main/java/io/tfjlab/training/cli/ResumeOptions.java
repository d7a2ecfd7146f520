package io.tfjlab.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RunDirectory;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Options given with {@code train --resume}: a resumed run keeps the spec of its manifest, so an
 * option that says something else is refused (naming the option and both values) instead of being
 * silently ignored; an option that repeats the manifest's value is harmless.
 */
final class ResumeOptions {
  private ResumeOptions() {}

  /** Refuses the first of {@code options} (a spec layer) that contradicts the run's manifest. */
  static void check(Path runPath, JsonNode options) {
    if (options.isEmpty()) {
      return;
    }
    Manifest manifest = Manifest.read(RunDirectory.open(runPath).manifest());
    if ("finished".equals(manifest.status())) {
      return; // the resume itself says it is finished
    }
    compare(options, Json.MAPPER.valueToTree(manifest.spec()), "", runPath);
  }

  private static void compare(JsonNode given, JsonNode recorded, String prefix, Path run) {
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      JsonNode was = recorded.path(e.getKey());
      if (e.getValue().isObject() && was.isObject()) {
        compare(e.getValue(), was, path + ".", run);
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
