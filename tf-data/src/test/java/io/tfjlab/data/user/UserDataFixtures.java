package io.tfjlab.data.user;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small synthetic data sets and image files for the readers' tests. */
final class UserDataFixtures {
  private UserDataFixtures() {}

  /** {@code n} images of {@code shape}, labels cycling over {@code classes}, random pixels. */
  static ImageSet set(int n, ImageShape shape, int classes, long seed) {
    Random rng = new Random(seed);
    byte[] px = new byte[n * shape.size()];
    rng.nextBytes(px);
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      y[i] = (byte) ((i * 7 + 3) % classes);
    }
    return new ImageSet(px, y, shape, classes);
  }

  static Dataset dataset(ImageShape shape, int classes, List<String> names) {
    ImageSet train = set(30, shape, classes, 1);
    ImageSet test = set(9, shape, classes, 2);
    return new Dataset("tiny", train, test, names, UserData.digests(train, test), Path.of("."));
  }

  static BufferedImage grey(int h, int w, int value) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] px = new byte[h * w];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (value + i);
    }
    img.getRaster().setDataElements(0, 0, w, h, px);
    return img;
  }

  static BufferedImage rgb(int h, int w, int r, int g, int b) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return img;
  }

  static Path write(BufferedImage img, String format, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
    return file;
  }

  static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /** A folder of {@code classes} class folders of {@code perClass} grey 5x4 PNGs. */
  static Path folder(Path root, int classes, int perClass) throws IOException {
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < perClass; i++) {
        write(grey(5, 4, c * 40 + i), "png", root.resolve("class" + c).resolve("img" + i + ".png"));
      }
    }
    return root;
  }
}
