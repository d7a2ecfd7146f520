package io.tfjlab.eval.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.data.testsupport.FuzzCases;
import io.tfjlab.eval.compare.ComparisonPlan;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.spec.SpecResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the spec-file and plan-file readers ({@link SpecResolver#file} and
 * resolve, {@link ComparisonPlan#load}): valid files from {@code examples/} and the built-in plans
 * get character edits, truncations and values replaced by huge numbers, wrong types, deep nesting
 * or renamed fields. Every case must either resolve or fail with an {@link
 * IllegalArgumentException} whose message is one line, within a time limit (tf-data's {@link
 * FuzzCases} loop, shared with the reader fuzz tests).
 */
class SpecPlanFuzzTest {
  static final long SEED = 20261202L;
  static final long CASE_MILLIS = 2_000;
  static final SpecResolver RESOLVER =
      new SpecResolver(
          com.google.inject.Guice.createInjector(new io.tfjlab.models.ModelsModule())
              .getInstance(ModelZoo.class));
  static final String DEEP = "__deep_nesting__";
  static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void specFiles() throws Exception {
    List<String> valid = new ArrayList<>();
    for (String f :
        List.of(
            "cnn-100-labels-augmented.json",
            "layers-cnn.json",
            "layers-mlp.json",
            "mlp-seed002.json")) {
      valid.add(Files.readString(EXAMPLES.resolve(f)));
    }
    fuzz("spec", valid, 150, f -> RESOLVER.resolve(List.of(SpecResolver.file(f))));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void planFiles() throws Exception {
    List<String> valid = new ArrayList<>();
    valid.add(Files.readString(EXAMPLES.resolve("plan-layers.json")));
    try (var in = ComparisonPlan.class.getResourceAsStream("/io/tfjlab/eval/plans/default.json")) {
      valid.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    fuzz("plan", valid, 100, f -> ComparisonPlan.load(f.toString(), RESOLVER));
  }

  /** {@code casesEach} mutations of each valid text, through tf-data's shared fuzz loop. */
  void fuzz(String name, List<String> valid, int casesEach, FuzzCases.Reader reader)
      throws Exception {
    Random rng = new Random(SEED ^ name.hashCode());
    FuzzCases.check(
        name,
        valid.size() * casesEach,
        rng,
        CASE_MILLIS,
        (c, r) ->
            Files.writeString(
                dir.resolve(name + "-" + c + ".json"), mutate(valid.get(c / casesEach), r)),
        reader);
  }

  static String mutate(String text, Random rng) throws Exception {
    int kind = rng.nextInt(4);
    if (kind == 0) {
      return textEdit(text, rng);
    }
    JsonNode root = Json.MAPPER.readTree(text);
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode parent = containers.get(rng.nextInt(containers.size()));
    if (parent instanceof ObjectNode o && o.size() > 0) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String field = names.get(rng.nextInt(names.size()));
      switch (kind) {
        case 1 -> o.set(field, hostileValue(rng));
        case 2 -> o.set(field + (rng.nextBoolean() ? "x" : ""), o.remove(field)); // rename/keep
        default -> o.remove(field);
      }
    } else if (parent instanceof ArrayNode a && a.size() > 0) {
      int i = rng.nextInt(a.size());
      switch (kind) {
        case 1 -> a.set(i, hostileValue(rng));
        case 2 -> a.add(a.get(i).deepCopy());
        default -> a.remove(i);
      }
    }
    return Json.MAPPER
        .writeValueAsString(root)
        .replace("\"" + DEEP + "\"", "[".repeat(2_000) + "1" + "]".repeat(2_000));
  }

  static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  static JsonNode hostileValue(Random rng) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (rng.nextInt(16)) {
      case 0 -> f.numberNode(2147483648L);
      case 1 -> f.numberNode(-2147483649L);
      case 2 -> f.numberNode(1e308);
      case 3 -> f.numberNode(-1);
      case 4 -> f.numberNode(0);
      case 5 -> f.numberNode(4.9e-324);
      case 6 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
      case 7 -> f.textNode("NaN");
      case 8 -> f.textNode("x".repeat(100_000));
      case 9 -> f.booleanNode(true);
      case 10 -> f.nullNode();
      case 11 -> f.objectNode();
      case 12 -> f.arrayNode().add(1).add("two");
      case 13 -> f.textNode(DEEP); // replaced by 2,000 nested arrays once written
      case 14 -> f.numberNode(0.5);
      default -> f.textNode("../../../etc/passwd");
    };
  }

  static String textEdit(String text, Random rng) {
    StringBuilder b = new StringBuilder(text);
    String alphabet = "{}[]:,\"0123456789-.eE tfnul\\";
    int edits = 1 + rng.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = rng.nextInt(b.length());
      switch (rng.nextInt(4)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, alphabet.charAt(rng.nextInt(alphabet.length())));
        case 2 -> b.setCharAt(at, alphabet.charAt(rng.nextInt(alphabet.length())));
        default -> b.setLength(at);
      }
    }
    return b.toString();
  }
}
