package io.tfjlab.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins how every model, preset and option resolves, through {@code train} options and through an
 * equivalent spec file, against committed JSON ({@code golden/specs/train-cases.json}). The thread
 * count is fixed so the result does not depend on the machine. {@code -Dgolden.update=true}
 * rewrites the file; review its diff.
 */
class ResolvedSpecGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/specs/train-cases.json");

  @TempDir Path tmp;

  /**
   * The cases: the options, and the spec file that says the same
   * (golden/specs/train-case-inputs.json).
   */
  static final Path INPUTS = Path.of("src/test/resources/golden/specs/train-case-inputs.json");

  /** One case: the options, and the spec file that says the same. */
  record Case(String name, String args, ObjectNode file) {}

  static List<Case> cases() throws Exception {
    return List.of(Json.MAPPER.readValue(INPUTS.toFile(), Case[].class));
  }

  static RunExecutor executor(Path tmp) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    DatasetCatalog catalog =
        new DatasetCatalog(Map.of(), new DatasetStore(tmp, Optional.empty(), quiet));
    ModelZoo zoo =
        com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    return new RunExecutor(catalog, zoo);
  }

  static RunSpec parse(List<String> args) {
    return Options.resolve(args.toArray(String[]::new)).spec();
  }

  /** The resolved spec as JSON, or {"error": first line} when the options are refused. */
  static JsonNode resolved(RunExecutor executor, List<String> args) {
    try {
      return Json.MAPPER.valueToTree(executor.resolve(parse(args)));
    } catch (IllegalArgumentException e) {
      String m =
          e.getMessage()
              .lines()
              .findFirst()
              .orElse("")
              .replaceAll("/tmp/\\S*/case-\\d+\\.json", "FILE");
      return Json.MAPPER.createObjectNode().put("error", m);
    }
  }

  @Test
  void everyOptionAndItsSpecFileResolveAsCommitted() throws Exception {
    RunExecutor executor = executor(tmp);
    ObjectNode actual = Json.MAPPER.createObjectNode();
    int i = 0;
    for (Case k : cases()) {
      List<String> args = new ArrayList<>(List.of(k.args().split(" ")));
      args.addAll(List.of("--threads", "2"));
      ObjectNode file = k.file().deepCopy();
      file.put("threads", 2);
      Path specFile = tmp.resolve("case-" + (i++) + ".json");
      Files.writeString(specFile, Json.MAPPER.writeValueAsString(file));
      ObjectNode entry = actual.putObject(k.name());
      entry.set("flags", resolved(executor, args));
      entry.set("file", resolved(executor, List.of("--spec", specFile.toString())));
    }
    GoldenJson.assertMatches(GOLDEN, actual);
    // one merge rule: every option and the same value in a spec file give the same run
    actual
        .fields()
        .forEachRemaining(
            e ->
                assertThat(e.getValue().get("file"))
                    .as("spec file of case '%s' resolves as its options", e.getKey())
                    .isEqualTo(e.getValue().get("flags")));
  }

  /** Compares a JSON tree with a committed file, or rewrites the file with -Dgolden.update=true. */
  static final class GoldenJson {
    private GoldenJson() {}

    static void assertMatches(Path golden, JsonNode actual) throws Exception {
      String text = Json.MAPPER.writeValueAsString(actual) + "\n";
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, text);
      }
      assertThat(golden).as("golden file (create it with -Dgolden.update=true)").isRegularFile();
      assertThat(text)
          .as("resolved specs against " + golden + " (-Dgolden.update=true rewrites it)")
          .isEqualTo(Files.readString(golden));
    }
  }
}
