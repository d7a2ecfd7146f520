package io.tfjlab.data.augment;

import io.tfjlab.data.ImageShape;
import java.util.SplittableRandom;

/**
 * Applies a random rotation, zoom, shift and brightness change to one image (NHWC floats in
 * [0,1]) by inverse affine mapping with bilinear sampling; outside the image reads as 0.
 * All randomness comes from the {@link SplittableRandom} passed in, so a seeded stream gives the
 * same images every time.
 */
public final class ImageAugmenter {
  private final AugmentSpec spec;
  private final ImageShape shape;

  public ImageAugmenter(AugmentSpec spec, ImageShape shape) {
    this.spec = spec;
    this.shape = shape;
  }

  /** Transforms {@code src[srcOff..]} into {@code dst[dstOff..]} (they must not overlap). */
  public void apply(float[] src, int srcOff, float[] dst, int dstOff, SplittableRandom rng) {
    int h = shape.height();
    int w = shape.width();
    int ch = shape.channels();
    double angle = Math.toRadians(uniform(rng, spec.rotationDegrees()));
    double scale = 1.0 + uniform(rng, spec.zoom());
    double tx = uniform(rng, spec.shift()) * w;
    double ty = uniform(rng, spec.shift()) * h;
    float delta = (float) uniform(rng, spec.brightness());

    double cos = Math.cos(angle) / scale;
    double sin = Math.sin(angle) / scale;
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double u = x - cx - tx;
        double v = y - cy - ty;
        double sx = cos * u + sin * v + cx;
        double sy = -sin * u + cos * v + cy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        int out = dstOff + (y * w + x) * ch;
        for (int c = 0; c < ch; c++) {
          float p00 = at(src, srcOff, x0, y0, c, w, h, ch);
          float p01 = at(src, srcOff, x0 + 1, y0, c, w, h, ch);
          float p10 = at(src, srcOff, x0, y0 + 1, c, w, h, ch);
          float p11 = at(src, srcOff, x0 + 1, y0 + 1, c, w, h, ch);
          float top = p00 + (p01 - p00) * fx;
          float bottom = p10 + (p11 - p10) * fx;
          float value = top + (bottom - top) * fy + delta;
          dst[out + c] = value < 0f ? 0f : (value > 1f ? 1f : value);
        }
      }
    }
  }

  private static float at(float[] img, int off, int x, int y, int c, int w, int h, int ch) {
    if (x < 0 || y < 0 || x >= w || y >= h) {
      return 0f;
    }
    return img[off + (y * w + x) * ch + c];
  }

  private static double uniform(SplittableRandom rng, double max) {
    return max == 0 ? 0 : (rng.nextDouble() * 2 - 1) * max;
  }
}
