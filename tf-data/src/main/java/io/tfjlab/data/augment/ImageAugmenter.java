package io.tfjlab.data.augment;

import io.tfjlab.data.ImageShape;
import java.util.SplittableRandom;

/**
 * Applies a random rotation, zoom, shift and brightness change to one image (NHWC floats in [0,1])
 * by inverse affine mapping with bilinear sampling; outside the image reads as 0. All randomness
 * comes from the {@link SplittableRandom} passed in, so a seeded stream gives the same images every
 * time.
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

    float cos = (float) (Math.cos(angle) / scale);
    float sin = (float) (Math.sin(angle) / scale);
    float cx = (w - 1) / 2f;
    float cy = (h - 1) / 2f;
    for (int y = 0; y < h; y++) {
      float v = y - cy - (float) ty;
      float u0 = -cx - (float) tx;
      // source coordinates move linearly along a row: start + x * step
      float sx = cos * u0 + sin * v + cx;
      float sy = -sin * u0 + cos * v + cy;
      int rowOut = dstOff + y * w * ch;
      for (int x = 0; x < w; x++, sx += cos, sy -= sin) {
        // +1 shift keeps the cast a floor for coordinates down to -1
        int x0 = (int) (sx + 1f) - 1;
        int y0 = (int) (sy + 1f) - 1;
        int out = rowOut + x * ch;
        if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
          for (int c = 0; c < ch; c++) {
            dst[out + c] = clip(delta);
          }
          continue;
        }
        float fx = sx - x0;
        float fy = sy - y0;
        boolean inside = x0 >= 0 && y0 >= 0 && x0 < w - 1 && y0 < h - 1;
        for (int c = 0; c < ch; c++) {
          float p00;
          float p01;
          float p10;
          float p11;
          if (inside) {
            int base = srcOff + (y0 * w + x0) * ch + c;
            p00 = src[base];
            p01 = src[base + ch];
            p10 = src[base + w * ch];
            p11 = src[base + w * ch + ch];
          } else {
            p00 = at(src, srcOff, x0, y0, c, w, h, ch);
            p01 = at(src, srcOff, x0 + 1, y0, c, w, h, ch);
            p10 = at(src, srcOff, x0, y0 + 1, c, w, h, ch);
            p11 = at(src, srcOff, x0 + 1, y0 + 1, c, w, h, ch);
          }
          float top = p00 + (p01 - p00) * fx;
          float bottom = p10 + (p11 - p10) * fx;
          dst[out + c] = clip(top + (bottom - top) * fy + delta);
        }
      }
    }
  }

  private static float clip(float value) {
    return value < 0f ? 0f : (value > 1f ? 1f : value);
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
