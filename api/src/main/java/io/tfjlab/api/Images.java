package io.tfjlab.api;

import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A batch of images ready for a model: {@code size()} images of one {@link ImageShape}, pixels as
 * floats in [0, 1], row-major NHWC (the layout of a model's {@code images} input). Immutable.
 *
 * <p>{@link #load} and {@link #resizedTo} use TensorFlow's eager mode (see {@code EagerImageOps}):
 * files are decoded with {@code javax.imageio}, then each image is resized to the target height and
 * width (area averaging when it shrinks, bilinear otherwise), converted to the target's channels
 * (RGB to grey with {@code tf.image.rgb_to_grayscale}'s weights, or grey to RGB) and scaled to [0,
 * 1], with eager ops. MNIST-like models expect light digits on a dark background: {@link #inverted}
 * turns a dark-on-light scan into that.
 */
public final class Images {
  static {
    NativeLogging.quiet(); // before TensorFlow's native library logs anything
  }

  private final ImageShape shape;
  private final float[] pixels;

  private Images(ImageShape shape, float[] pixels) {
    this.shape = shape;
    this.pixels = pixels;
  }

  /**
   * Decodes image files (PNG, JPEG, GIF, BMP) and brings each to {@code target} (e.g. {@code
   * run.imageShape()}): resized, converted to its channels and scaled to [0,1] in eager mode.
   */
  public static Images load(ImageShape target, Path... files) {
    return load(target, List.of(files));
  }

  /** The same for a list of files. */
  public static Images load(ImageShape target, List<Path> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no image files given");
    }
    List<EagerImageOps.Raw> raw = new ArrayList<>();
    for (Path f : files) {
      raw.add(ImageFiles.read(f));
    }
    return new Images(target, EagerImageOps.conform(raw, target));
  }

  /**
   * Images already in memory (e.g. drawn with Java2D), brought to {@code target} as {@link #load}
   * does.
   */
  public static Images of(ImageShape target, List<BufferedImage> images) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images given");
    }
    return new Images(
        target, EagerImageOps.conform(images.stream().map(ImageFiles::raw).toList(), target));
  }

  /**
   * Images of a data set (e.g. its test split), scaled to [0,1] exactly as training batches are.
   */
  public static Images of(ImageSet set, int... indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException(
          "no image indices given; Images.all(set) takes every image");
    }
    int px = set.shape().size();
    float[] out = new float[indices.length * px];
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] < 0 || indices[k] >= set.size()) {
        throw new IllegalArgumentException(
            "image index " + indices[k] + " is outside 0.." + (set.size() - 1));
      }
      set.copyScaled(indices[k], out, k * px);
    }
    return new Images(set.shape(), out);
  }

  /** Every image of a data set, in order. */
  public static Images all(ImageSet set) {
    return of(set, java.util.stream.IntStream.range(0, set.size()).toArray());
  }

  /**
   * Images from pixel values in [0,1], NHWC; {@code pixels.length} must be a multiple of the
   * shape's size.
   */
  public static Images of(ImageShape shape, float[] pixels) {
    if (pixels.length == 0 || pixels.length % shape.size() != 0) {
      throw new IllegalArgumentException(
          pixels.length + " values are not a whole number of " + shape + " images");
    }
    for (float v : pixels) {
      if (!(v >= 0f && v <= 1f)) {
        throw new IllegalArgumentException(
            "pixel values must be in [0, 1], got " + v + "; divide bytes by 255");
      }
    }
    return new Images(shape, pixels.clone());
  }

  /** The same images resized and converted to {@code target} in eager mode (as {@link #load}). */
  public Images resizedTo(ImageShape target) {
    if (target.equals(shape)) {
      return this;
    }
    List<EagerImageOps.Raw> raw = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      raw.add(
          new EagerImageOps.Raw(
              Arrays.copyOfRange(pixels, i * shape.size(), (i + 1) * shape.size()),
              shape.height(),
              shape.width(),
              shape.channels(),
              1f));
    }
    return new Images(target, EagerImageOps.conform(raw, target));
  }

  /**
   * Every pixel {@code v} replaced by {@code 1 - v}: dark-on-light scans become light-on-dark, as
   * MNIST.
   */
  public Images inverted() {
    float[] out = new float[pixels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = 1f - pixels[i];
    }
    return new Images(shape, out);
  }

  public int size() {
    return pixels.length / shape.size();
  }

  public ImageShape shape() {
    return shape;
  }

  /**
   * Pixel value in [0,1] of image {@code i} at row {@code y}, column {@code x}, channel {@code c}.
   */
  public float pixel(int i, int y, int x, int c) {
    return pixels[((i * shape.height() + y) * shape.width() + x) * shape.channels() + c];
  }

  /** A copy of all values, NHWC. */
  public float[] toArray() {
    return pixels.clone();
  }

  /** Writes image {@code i} as an 8-bit PNG (grey, or RGB for three channels). */
  public Path savePng(int i, Path file) {
    if (shape.channels() != 1 && shape.channels() != 3) {
      throw new IllegalStateException(
          "only 1- or 3-channel images can be saved as PNG, not " + shape);
    }
    int h = shape.height();
    int w = shape.width();
    BufferedImage img =
        new BufferedImage(
            w,
            h,
            shape.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (shape.channels() == 1) {
          img.getRaster().setSample(x, y, 0, Math.round(pixel(i, y, x, 0) * 255f));
        } else {
          int rgb = 0;
          for (int c = 0; c < 3; c++) {
            rgb = (rgb << 8) | Math.round(pixel(i, y, x, c) * 255f);
          }
          img.setRGB(x, y, rgb);
        }
      }
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      ImageIO.write(img, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Values of images {@code from} (inclusive) to {@code to} (exclusive), NHWC. */
  float[] slice(int from, int to) {
    return Arrays.copyOfRange(pixels, from * shape.size(), to * shape.size());
  }

  @Override
  public String toString() {
    return "Images[" + size() + " x " + shape + "]";
  }
}
