package io.tfjlab.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.spec.SpecResolver;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins every row of every comparison preset, each run's spec resolved as a run records it (thread
 * count fixed), against {@code golden/specs/comparison-plans.json}. {@code -Dgolden.update=true}
 * rewrites the file; review its diff.
 */
class ComparisonPlanGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/specs/comparison-plans.json");

  @TempDir Path tmp;

  @Test
  void everyRowOfEveryPresetResolvesAsCommitted() throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ModelZoo zoo =
        com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    RunExecutor executor =
        new RunExecutor(
            new DatasetCatalog(Map.of(), new DatasetStore(tmp, Optional.empty(), quiet)), zoo);
    ObjectNode actual = Json.MAPPER.createObjectNode();
    SpecResolver resolver = new SpecResolver(zoo);
    for (String preset : ComparisonPlan.BUILT_IN) {
      ObjectNode rows = actual.putObject(preset);
      for (ComparisonRow row : ComparisonPlan.load(preset, resolver).rows()) {
        ObjectNode r = rows.putObject(row.id());
        r.put("title", row.title());
        r.set("seedReport", Json.MAPPER.valueToTree(row.seedReport().orElse(null)));
        ArrayNode runs = r.putArray("runs");
        for (RunSpec spec : row.runs()) {
          runs.add(Json.MAPPER.valueToTree(executor.resolve(spec.withThreads(2))));
        }
      }
    }
    String text = Json.MAPPER.writeValueAsString(actual) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, text);
    }
    assertThat(GOLDEN).as("golden file (create it with -Dgolden.update=true)").isRegularFile();
    assertThat(text)
        .as("comparison plans against " + GOLDEN + " (-Dgolden.update=true rewrites it)")
        .isEqualTo(Files.readString(GOLDEN));
  }
}
