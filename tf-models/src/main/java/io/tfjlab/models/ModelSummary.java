package io.tfjlab.models;

import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Sequential;
import io.tfjlab.models.zoo.BuiltModel;
import java.util.List;
import java.util.Map;

/** A Keras-style {@code model.summary()}: layer (type), output shape, parameters; totals. */
public final class ModelSummary {
  private ModelSummary() {}

  public static long totalParameters(BuiltModel m) {
    return trainable(m) + nonTrainable(m);
  }

  public static long trainable(BuiltModel m) {
    return m.parts().values().stream()
        .flatMap(p -> p.layers().stream())
        .mapToLong(Layer::trainableParameters)
        .sum();
  }

  public static long nonTrainable(BuiltModel m) {
    return m.parts().values().stream()
        .flatMap(p -> p.layers().stream())
        .mapToLong(Layer::nonTrainableParameters)
        .sum();
  }

  /**
   * Parameters of the part that classifies: the classifier parts when a model names some (a GAN's
   * discriminator and head, without the generator), else the whole model.
   */
  public static long classifierParameters(BuiltModel m) {
    if (m.classifierParts().isEmpty()) {
      return totalParameters(m);
    }
    return m.classifierParts().stream()
        .flatMap(p -> m.parts().get(p).layers().stream())
        .mapToLong(l -> l.trainableParameters() + l.nonTrainableParameters())
        .sum();
  }

  public static String render(BuiltModel m) {
    String rule = "_".repeat(78);
    String thick = "=".repeat(78);
    StringBuilder b = new StringBuilder();
    b.append("Model: \"").append(m.name()).append("\"\n").append(rule).append('\n');
    b.append(String.format(" %-44s %-22s %11s%n", "Layer (type)", "Output Shape", "Param #"));
    b.append(thick).append('\n');
    boolean several = m.parts().size() > 1;
    for (Map.Entry<String, Sequential> part : m.parts().entrySet()) {
      if (several) {
        b.append(" [").append(part.getKey()).append("]\n");
      }
      List<Layer> layers = part.getValue().layers();
      List<long[]> shapes = part.getValue().outputShapes();
      for (int i = 0; i < layers.size(); i++) {
        Layer l = layers.get(i);
        long params = l.trainableParameters() + l.nonTrainableParameters();
        b.append(
            String.format(
                " %-44s %-22s %,11d%n",
                l.name() + " (" + l.type() + ")", Shapes.describe(shapes.get(i)), params));
      }
    }
    b.append(thick).append('\n');
    if (several && !m.classifierParts().isEmpty()) {
      long ct = 0;
      long cn = 0;
      for (String p : m.classifierParts()) {
        for (Layer l : m.parts().get(p).layers()) {
          ct += l.trainableParameters();
          cn += l.nonTrainableParameters();
        }
      }
      b.append(
          String.format(
              "Classifier (%s): %,d params, %,d trainable, %,d non-trainable%n",
              String.join(" + ", m.classifierParts()), ct + cn, ct, cn));
    }
    b.append(String.format("Total params: %,d%n", totalParameters(m)));
    b.append(String.format("Trainable params: %,d%n", trainable(m)));
    b.append(String.format("Non-trainable params: %,d%n", nonTrainable(m)));
    b.append(rule).append('\n');
    return b.toString();
  }
}
