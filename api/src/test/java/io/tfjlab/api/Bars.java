package io.tfjlab.api;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.util.List;
import java.util.Random;

/**
 * A synthetic image data set for fast tests: 12x12 grey images of a horizontal bar (class 0), a
 * vertical bar (class 1) or a 4x4 square (class 2) at a random place, on faint noise.
 */
final class Bars {
  static final ImageShape SHAPE = new ImageShape(12, 12, 1);

  private Bars() {}

  static Dataset dataset(long seed) {
    return InMemoryData.of(
        "bars",
        images(360, seed),
        images(90, seed + 1),
        List.of("horizontal", "vertical", "square"));
  }

  static ImageSet images(int n, long seed) {
    Random r = new Random(seed);
    int px = SHAPE.size();
    byte[] pixels = new byte[n * px];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      labels[i] = (byte) c;
      for (int j = 0; j < px; j++) {
        pixels[i * px + j] = (byte) r.nextInt(40);
      }
      int a = r.nextInt(8);
      int b = r.nextInt(8);
      for (int y = 0; y < 12; y++) {
        for (int x = 0; x < 12; x++) {
          boolean on =
              switch (c) {
                case 0 -> y == a + 2 && x >= 1 && x <= 10;
                case 1 -> x == b + 2 && y >= 1 && y <= 10;
                default -> y >= a && y < a + 4 && x >= b && x < b + 4;
              };
          if (on) {
            pixels[i * px + y * 12 + x] = (byte) (200 + r.nextInt(56));
          }
        }
      }
    }
    return new ImageSet(pixels, labels, SHAPE, 3);
  }
}
