package io.tfjlab.data.augment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Random image transformations, as Keras' ImageDataGenerator names them (seed 000 used them to lift
 * a 100-label CNN).
 *
 * @param rotationDegrees maximum rotation, either way, in degrees
 * @param zoom maximum relative zoom, e.g. 0.1 for a scale in [0.9, 1.1]
 * @param shift maximum translation as a fraction of width and height
 * @param brightness maximum value added to every pixel, either way (pixels are in [0,1])
 * @param unlabeled also transform the batches drawn from every training image (the unlabeled images
 *     of a semi-supervised GAN, an autoencoder's or a DCGAN's pre-training); null or false: only
 *     the labeled images
 */
// "identity" is derived, not a field; manifests written before it was ignored hold it
@JsonIgnoreProperties(
    value = {"identity", "appliesToUnlabeled"},
    allowGetters = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AugmentSpec(
    double rotationDegrees, double zoom, double shift, double brightness, Boolean unlabeled) {
  public AugmentSpec {
    check("rotationDegrees", rotationDegrees, 180);
    check("zoom", zoom, 0.9);
    check("shift", shift, 0.5);
    check("brightness", brightness, 1);
    if (Boolean.TRUE.equals(unlabeled) && isIdentity(rotationDegrees, zoom, shift, brightness)) {
      throw new IllegalArgumentException(
          "augment.unlabeled needs a transformation (rotationDegrees, zoom, shift or brightness >"
              + " 0), e.g. --augment");
    }
  }

  /** Transformations of the labeled images only. */
  public AugmentSpec(double rotationDegrees, double zoom, double shift, double brightness) {
    this(rotationDegrees, zoom, shift, brightness, null);
  }

  /** Whether the batches of every training image are transformed too. */
  public boolean appliesToUnlabeled() {
    return Boolean.TRUE.equals(unlabeled);
  }

  /** The settings used for MNIST-like digits: 10°, 10% zoom, 10% shift, no brightness change. */
  public static AugmentSpec digits() {
    return new AugmentSpec(10, 0.1, 0.1, 0.0);
  }

  public boolean isIdentity() {
    return isIdentity(rotationDegrees, zoom, shift, brightness);
  }

  private static boolean isIdentity(double rotation, double zoom, double shift, double brightness) {
    return rotation == 0 && zoom == 0 && shift == 0 && brightness == 0;
  }

  private static void check(String field, double v, double max) {
    if (!(v >= 0 && v <= max)) {
      throw new IllegalArgumentException(
          "augment." + field + " must be in [0, " + max + "], got " + v);
    }
  }
}
