package io.tfjlab.models.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.zoo.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A model family's own defaults and presets, as data: the resource {@code
 * io/tfjlab/models/families/<type>.json}. Its shape:
 *
 * <pre>
 * {"defaults": {run-spec overlay, with its "model" part},
 *  "when": [{"model": {field: value, ...}, "set": {overlay}}, ...],
 *  "presets": {"name": {overlay}, ...}}
 * </pre>
 *
 * {@code when} entries apply, right above the defaults, when every field they name has that value
 * in the model as the higher layers give it (e.g. the sgan with a CNN discriminator trains 12
 * epochs). A preset is a named overlay, laid above the family's defaults and below a spec file;
 * {@code model.preset} names it. A family without a file has no defaults and no presets. The
 * options a family accepts are the components of its {@link ModelSpec} record.
 */
public final class ModelFamily {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, ModelFamily> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final String type;
  private final ObjectNode defaults;
  private final List<Conditional> when;
  private final Map<String, ObjectNode> presets;

  private record Conditional(ObjectNode model, ObjectNode set) {}

  private ModelFamily(
      String type, ObjectNode defaults, List<Conditional> when, Map<String, ObjectNode> presets) {
    this.type = type;
    this.defaults = defaults;
    this.when = List.copyOf(when);
    this.presets = presets;
  }

  /** The family of a zoo model type (an empty one when it has no file). */
  public static ModelFamily of(String type) {
    return CACHE.computeIfAbsent(type, ModelFamily::load);
  }

  private static ModelFamily load(String type) {
    String resource = "/io/tfjlab/models/families/" + type + ".json";
    try (InputStream in = ModelFamily.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new ModelFamily(type, JsonNodeFactory.instance.objectNode(), List.of(), Map.of());
      }
      JsonNode root = MAPPER.readTree(in);
      ObjectNode defaults =
          root.has("defaults")
              ? (ObjectNode) root.get("defaults")
              : JsonNodeFactory.instance.objectNode();
      List<Conditional> when = new ArrayList<>();
      for (JsonNode w : root.path("when")) {
        when.add(new Conditional((ObjectNode) w.get("model"), (ObjectNode) w.get("set")));
      }
      Map<String, ObjectNode> presets = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("presets").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        presets.put(e.getKey(), (ObjectNode) e.getValue());
      }
      return new ModelFamily(type, defaults, when, presets);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  public String type() {
    return type;
  }

  /**
   * The model options the family reads besides type and preset (its record's components), sorted.
   */
  public List<String> fields() {
    return ModelSpec.optionsOf(type).stream().sorted().toList();
  }

  public java.util.Set<String> presetNames() {
    return presets.keySet();
  }

  /**
   * Refuses model fields this family does not read (the components of its {@link ModelSpec} record,
   * besides {@code type} and {@code preset}), so that no option is silently ignored: {@code
   * --dropout} on an sgan is an error.
   */
  public void checkFields(JsonNode model) {
    List<String> allowed = fields();
    for (Iterator<String> it = model.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("type")
          && !name.equals("preset")
          && !allowed.contains(name)
          && !model.get(name).isNull()) {
        throw new IllegalArgumentException(
            "model."
                + name
                + " does not apply to "
                + type
                + " (its options: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed))
                + "); "
                + (type.equals("layers")
                    ? "describe the network in model.layers (e.g. a {\"type\": \"dropout\","
                        + " \"rate\": 0.5} layer)"
                    : "leave it out")
                + (name.equals("layers") ? " or use \"type\": \"layers\"" : ""));
      }
    }
  }

  /**
   * The model a JSON object gives, with its fields checked first ({@link #checkFields}) and
   * Jackson's errors in one line ({@code model.codeSize must be > 0, got 0}).
   */
  public ModelSpec read(JsonNode model) {
    checkFields(model);
    try {
      return MAPPER.treeToValue(model, ModelSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          io.tfjlab.models.layers.config.ConfigErrors.describe(e), e);
    }
  }

  /**
   * The family's layers for a model whose higher layers (spec file, options) give {@code model}:
   * its defaults, the {@code when} entries that hold for the model they give with the preset, then
   * the preset named by {@code model.preset} (or by the defaults' {@code model.preset}), if any.
   */
  public List<SpecLayer> layers(ObjectNode model) {
    ObjectNode base = wrap(defaults.path("model"));
    ObjectNode given = wrap(model);
    Optional<String> preset =
        Optional.ofNullable(
            SpecMerge.merge(List.of(new SpecLayer("", base), new SpecLayer("", given)))
                .values()
                .path("model")
                .path("preset")
                .textValue());
    ObjectNode presetValues =
        preset.map(this::preset).orElse(JsonNodeFactory.instance.objectNode());
    JsonNode seen =
        SpecMerge.merge(
                List.of(
                    new SpecLayer("", base),
                    new SpecLayer("", wrap(presetValues.path("model"))),
                    new SpecLayer("", given)))
            .values()
            .path("model");
    List<SpecLayer> out = new ArrayList<>();
    out.add(new SpecLayer("family " + type, defaults));
    for (Conditional c : when) {
      if (holds(c.model(), seen)) {
        out.add(new SpecLayer("family " + type + " when " + c.model(), c.set()));
      }
    }
    preset.ifPresent(p -> out.add(new SpecLayer("preset " + p, presetValues)));
    return out;
  }

  private ObjectNode preset(String name) {
    ObjectNode p = presets.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          presets.isEmpty()
              ? "model "
                  + type
                  + " has no presets, got preset '"
                  + name
                  + "'; leave model.preset out"
              : "unknown "
                  + type
                  + " preset '"
                  + name
                  + "'; use "
                  + String.join(" or ", presets.keySet()));
    }
    return p;
  }

  private static boolean holds(ObjectNode condition, JsonNode model) {
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().equals(model.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode wrap(JsonNode model) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (model != null && model.isObject()) {
      o.set("model", model);
    }
    return o;
  }
}
