package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Reshape;
import java.util.List;

/**
 * {@code {"type": "reshape", "target_shape": [784, 1]}}: a new per-sample shape with the same
 * number of values; one entry may be -1 (inferred), as in Keras.
 *
 * @param targetShape {@code target_shape}: the per-sample shape, batch dimension left out
 *     (required)
 */
public record ReshapeConfig(@JsonProperty("target_shape") List<Integer> targetShape)
    implements LayerConfig {
  public ReshapeConfig {
    Fields.required(targetShape, "target_shape");
    Fields.require(!targetShape.isEmpty(), "target_shape must not be empty, e.g. [28, 28, 1]");
    targetShape = List.copyOf(targetShape);
    long inferred = targetShape.stream().filter(d -> d == -1).count();
    Fields.require(
        inferred <= 1 && targetShape.stream().allMatch(d -> d > 0 || d == -1),
        "target_shape entries must be > 0, with at most one -1, got " + targetShape);
  }

  @Override
  public Layer build(LayerInput in) {
    long known = 1;
    for (int d : targetShape) {
      known *= d == -1 ? 1 : d;
    }
    long size = in.size();
    boolean infer = targetShape.contains(-1);
    Fields.require(
        infer ? size % known == 0 : size == known,
        "cannot reshape "
            + in.describe()
            + " ("
            + size
            + " values) to "
            + targetShape
            + (infer ? "" : " (" + known + " values)"));
    long[] target = new long[targetShape.size()];
    for (int i = 0; i < target.length; i++) {
      target[i] = targetShape.get(i) == -1 ? size / known : targetShape.get(i);
    }
    return Reshape.to(target);
  }
}
