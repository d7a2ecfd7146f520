package io.tfjlab.training.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.spec.ModelFamily;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.spec.SpecMerge;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one resolver of run specs. Layers, lowest first: the built-in defaults ({@link
 * BuiltInDefaults}) → the model family's defaults (and its {@code when} entries) → the named preset
 * → the given layers (a spec file, a comparison row, command-line options, in that order) — one
 * deep merge ({@link SpecMerge}), validated once by reading the result as a {@link RunSpec}.
 */
public final class SpecResolver {
  /** The layer name of the built-in defaults (not recorded in provenance). */
  public static final String DEFAULTS = "defaults";

  private final ModelZoo zoo;

  public SpecResolver(ModelZoo zoo) {
    this.zoo = zoo;
  }

  /** A spec file as a layer; a missing or malformed file is a one-line error naming it. */
  public static SpecLayer file(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("spec file " + file + " not found");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(
            file + ": a spec file holds one JSON object, e.g. {\"model\": {\"type\": \"cnn\"}}");
      }
      return new SpecLayer("spec file " + file.getFileName(), (ObjectNode) node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read spec file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Resolves the given layers (lowest first) over the defaults, the family and its preset. */
  public ResolvedSpec resolve(List<SpecLayer> given) {
    List<SpecLayer> modelParts = new ArrayList<>();
    for (SpecLayer l : given) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      if (l.values().hasNonNull("model")) {
        o.set("model", l.values().get("model"));
      }
      modelParts.add(new SpecLayer(l.name(), o));
    }
    JsonNode model = SpecMerge.merge(modelParts).values().get("model");
    if (model == null || !model.hasNonNull("type")) {
      throw new IllegalArgumentException(
          "the model is not given: use --model NAME or a spec file with "
              + "{\"model\": {\"type\": NAME}}; ./tfjlab models lists the models");
    }
    String type = model.get("type").asText();
    zoo.factory(type);
    List<SpecLayer> layers = new ArrayList<>();
    layers.add(new SpecLayer(DEFAULTS, BuiltInDefaults.values()));
    layers.addAll(ModelFamily.of(type).layers((ObjectNode) model));
    layers.addAll(given);
    SpecMerge.Merged merged = SpecMerge.merge(layers);
    // an option the family's record does not have, named with the family's options
    ModelFamily.of(type).checkFields(merged.values().get("model"));
    RunSpec spec;
    try {
      spec = Json.MAPPER.treeToValue(merged.values(), RunSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          given.stream().map(SpecLayer::name).collect(java.util.stream.Collectors.joining(", "))
              + ": "
              + io.tfjlab.models.layers.config.ConfigErrors.describe(e),
          e);
    }
    spec = spec.withModel(zoo.resolve(spec.model()));
    Map<String, String> provenance = new TreeMap<>();
    merged
        .provenance()
        .forEach(
            (path, layer) -> {
              if (!layer.equals(DEFAULTS)) {
                provenance.put(path, layer);
              }
            });
    return new ResolvedSpec(spec, provenance, layers.stream().map(SpecLayer::name).toList());
  }
}
