package io.tfjlab.models.zoo;

import java.util.Optional;

/**
 * What a model is built for: the per-sample input shape, the width of the fed target (K for one-hot
 * labels, 1 for a scalar target), and the training part's pixel statistics when the model
 * standardises its input in the graph.
 */
public record InputSpec(long[] shape, int targetWidth, Optional<float[][]> pixelStats) {
  public InputSpec {
    shape = shape.clone();
  }

  public static InputSpec images(long height, long width, long channels, int numClasses) {
    return new InputSpec(new long[] {height, width, channels}, numClasses, Optional.empty());
  }

  public static InputSpec vectors(long features, int targetWidth) {
    return new InputSpec(new long[] {features}, targetWidth, Optional.empty());
  }

  /** With per-pixel {@code mean} and {@code std} of the training part. */
  public InputSpec withPixelStats(float[] mean, float[] std) {
    return new InputSpec(shape, targetWidth, Optional.of(new float[][] {mean, std}));
  }

  public int numClasses() {
    return targetWidth;
  }
}
