package io.tfjlab.models.layers.config;

import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A layer list made into tfjlab layers for an input shape, layer by layer: each is built for the
 * output shape of the one before, so a layer that cannot take its input fails here, before any
 * graph exists, with one line naming its index, type and the fix. No variable is created here
 * (layers create theirs on their first apply), so names and initialiser seeds come, as in the zoo,
 * from the order in which the model applies them.
 *
 * @param layers the tfjlab layers, in order
 * @param shapes each layer's per-sample output shape
 */
public record LayerStack(List<Layer> layers, List<long[]> shapes) {
  public LayerStack {
    layers = List.copyOf(layers);
    shapes = List.copyOf(shapes);
  }

  /** Builds every config for the shape its predecessor gives, starting from {@code inputShape}. */
  public static LayerStack of(
      List<LayerConfig> configs, long[] inputShape, Optional<float[][]> pixelStats) {
    List<Layer> layers = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    long[] shape = inputShape.clone();
    for (int i = 0; i < configs.size(); i++) {
      LayerConfig c = configs.get(i);
      if (c == null) {
        throw new IllegalArgumentException(
            "model.layers["
                + i
                + "] is null; give a layer such as {\"type\": \"dense\", "
                + "\"units\": 10}");
      }
      if (c instanceof StandardizeConfig && i > 0) {
        throw new IllegalArgumentException(
            where(i, c)
                + "standardize works on the input pixels only: make it the "
                + "first layer");
      }
      try {
        Layer layer = c.build(new LayerInput(shape, i == 0 ? pixelStats : Optional.empty()));
        shape = layer.outputShape(shape);
        layers.add(layer);
        shapes.add(shape);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where(i, c) + e.getMessage(), e);
      }
    }
    return new LayerStack(layers, shapes);
  }

  /** {@code model.layers[3] (dense): }, the prefix of a message about one layer. */
  public static String where(int index, LayerConfig c) {
    return "model.layers[" + index + "] (" + LayerTypes.name(c) + "): ";
  }

  /** The last layer's per-sample output shape. */
  public long[] outputShape() {
    return shapes.get(shapes.size() - 1).clone();
  }

  /** Keras-style text of the output shape. */
  public String describeOutput() {
    return Shapes.describe(outputShape());
  }
}
