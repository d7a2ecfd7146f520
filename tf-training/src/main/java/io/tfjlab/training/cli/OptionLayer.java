package io.tfjlab.training.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.training.run.Json;
import java.lang.reflect.Field;

/**
 * The options given on a command line, as one spec layer: each {@link SpecPath} field that is set.
 */
public final class OptionLayer {
  /** The layer name the manifest's provenance shows for options. */
  public static final String NAME = "command line";

  private OptionLayer() {}

  /** The set {@link SpecPath} fields of {@code commands} (picocli command objects and mixins). */
  public static SpecLayer of(Object... commands) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    for (Object command : commands) {
      for (Field f : command.getClass().getDeclaredFields()) {
        SpecPath path = f.getAnnotation(SpecPath.class);
        if (path == null) {
          continue;
        }
        try {
          f.setAccessible(true);
          Object value = f.get(command);
          if (value != null) {
            set(root, path.value(), value);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return new SpecLayer(NAME, root);
  }

  /**
   * Sets {@code value} (null = remove the field below, as JSON null in a spec file) at a dotted
   * path.
   */
  static void set(ObjectNode root, String dotted, Object value) {
    String[] keys = dotted.split("\\.");
    ObjectNode o = root;
    for (int i = 0; i < keys.length - 1; i++) {
      o = o.has(keys[i]) ? (ObjectNode) o.get(keys[i]) : o.putObject(keys[i]);
    }
    o.set(keys[keys.length - 1], Json.MAPPER.valueToTree(value));
  }
}
