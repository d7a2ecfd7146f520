package io.tfjlab.data;

/** Height, width and channels of one image (NHWC order). */
public record ImageShape(int height, int width, int channels) {
  public ImageShape {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "image shape must be positive, got " + height + "x" + width + "x" + channels);
    }
  }

  /** Number of values in one image. */
  public int size() {
    return height * width * channels;
  }

  @Override
  public String toString() {
    return height + "x" + width + "x" + channels;
  }
}
