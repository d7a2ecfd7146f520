package io.tfjlab.training.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.training.RunSpec;
import java.io.IOException;
import java.util.List;

/**
 * Writes a manifest's spec so that it replays as a spec file: the fields whose absence means
 * something ({@code augment}: none, {@code stepsPerEpoch}: one pass, {@code patience}: no early
 * stopping, {@code limitBatches}: no limit) are written as explicit {@code null}s, which the merge
 * rule reads as "unset" over a model family's defaults (a CNN-discriminator sgan run with {@code
 * --no-augment} replays without augmentation).
 */
public final class ReplayableSpecSerializer extends JsonSerializer<RunSpec> {
  /** The spec fields written even when null. */
  public static final List<String> MEANINGFUL_NULLS =
      List.of("stepsPerEpoch", "augment", "patience", "limitBatches");

  @Override
  public void serialize(RunSpec spec, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    ObjectNode tree = Json.MAPPER.valueToTree(spec);
    for (String field : MEANINGFUL_NULLS) {
      if (!tree.has(field)) {
        tree.putNull(field);
      }
    }
    gen.writeTree(tree);
  }
}
