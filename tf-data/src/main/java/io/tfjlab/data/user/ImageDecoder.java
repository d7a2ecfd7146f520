package io.tfjlab.data.user;

import io.tfjlab.data.DataFormatException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one PNG, JPEG, BMP or GIF file with {@code javax.imageio} (the JDK's own image codecs)
 * into uint8 pixels, HWC, grey or RGB, resized (bilinear, half-pixel centres as TensorFlow's {@code
 * tf.image.resize}) when asked. A truncated or damaged file is an error, also when the codec only
 * warns (JPEG's "premature end of data").
 */
public final class ImageDecoder {
  static {
    ImageIO.setUseCache(false);
  }

  private ImageDecoder() {}

  /**
   * The most pixels an image may claim (8192 x 8192): a header claiming more is refused before the
   * codec allocates its raster.
   */
  public static final long MAX_PIXELS = 1L << 26;

  /** One decoded image: its size, whether it is grey, and its pixels as grey or RGB bytes. */
  public record Decoded(int height, int width, boolean grey, byte[] pixels) {
    public int channels() {
      return grey ? 1 : 3;
    }
  }

  /** Decodes {@code file}; {@code DataFormatException} naming the file when it cannot. */
  public static Decoded decode(Path file) {
    BufferedImage img = read(file);
    int w = img.getWidth();
    int h = img.getHeight();
    if (isGrey(img)) {
      return new Decoded(h, w, true, greyPixels(img));
    }
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    byte[] rgb = new byte[h * w * 3];
    for (int i = 0; i < argb.length; i++) {
      rgb[3 * i] = (byte) (argb[i] >> 16);
      rgb[3 * i + 1] = (byte) (argb[i] >> 8);
      rgb[3 * i + 2] = (byte) argb[i];
    }
    return new Decoded(h, w, false, rgb);
  }

  private static BufferedImage read(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new DataFormatException(file + " cannot be opened; check that it is readable");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new DataFormatException(
            file + " is not a PNG, JPEG, BMP or GIF image; remove it or convert it");
      }
      ImageReader reader = readers.next();
      try {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        reader.setInput(in, true, true);
        long claimed = (long) reader.getWidth(0) * reader.getHeight(0);
        if (claimed > MAX_PIXELS || claimed <= 0) {
          throw new DataFormatException(
              file
                  + " claims "
                  + reader.getWidth(0)
                  + "x"
                  + reader.getHeight(0)
                  + " pixels (at most "
                  + MAX_PIXELS
                  + " are read); a damaged header, or resize the image first");
        }
        BufferedImage img = reader.read(0);
        if (!warnings.isEmpty()) {
          throw new DataFormatException(
              file + " is damaged (" + warnings.get(0) + "); replace or remove it");
        }
        return img;
      } finally {
        reader.dispose();
      }
    } catch (DataFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DataFormatException(
          file
              + " cannot be decoded ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "): truncated or damaged; replace or remove it",
          e);
    }
  }

  private static boolean isGrey(BufferedImage img) {
    if (img.getColorModel() instanceof IndexColorModel icm) {
      for (int i = 0; i < icm.getMapSize(); i++) {
        if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
          return false;
        }
      }
      return true;
    }
    return img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  private static byte[] greyPixels(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h];
    if (img.getColorModel() instanceof IndexColorModel) {
      int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < argb.length; i++) {
        out[i] = (byte) argb[i];
      }
      return out;
    }
    // the raster's own samples: getRGB would pass grey through a colour conversion
    Raster r = img.getRaster();
    int bits = r.getSampleModel().getSampleSize(0);
    int[] s = r.getSamples(0, 0, w, h, 0, (int[]) null);
    long max = (1L << bits) - 1;
    for (int i = 0; i < s.length; i++) {
      out[i] = (byte) (bits == 8 ? s[i] : (int) ((s[i] * 255L + max / 2) / max));
    }
    return out;
  }

  /**
   * Writes {@code d} as {@code channels} (1 grey, 3 RGB) at {@code height x width} into {@code dst}
   * at {@code offset}: grey from RGB by ITU-R 601 luma (as PIL's "L"), RGB from grey by repeating
   * it, bilinear resize when the size differs.
   */
  public static void write(Decoded d, int height, int width, int channels, byte[] dst, int offset) {
    byte[] px = d.pixels();
    int c = d.channels();
    if (c != channels) {
      px = convert(px, c, channels);
      c = channels;
    }
    if (d.height() == height && d.width() == width) {
      System.arraycopy(px, 0, dst, offset, px.length);
      return;
    }
    resizeBilinear(px, d.height(), d.width(), c, dst, offset, height, width);
  }

  private static byte[] convert(byte[] px, int from, int to) {
    int n = px.length / from;
    byte[] out = new byte[n * to];
    for (int i = 0; i < n; i++) {
      if (to == 1) {
        int r = px[3 * i] & 0xFF;
        int g = px[3 * i + 1] & 0xFF;
        int b = px[3 * i + 2] & 0xFF;
        out[i] = (byte) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
      } else {
        out[3 * i] = px[i];
        out[3 * i + 1] = px[i];
        out[3 * i + 2] = px[i];
      }
    }
    return out;
  }

  static void resizeBilinear(
      byte[] src, int sh, int sw, int c, byte[] dst, int offset, int th, int tw) {
    double sy = (double) sh / th;
    double sx = (double) sw / tw;
    for (int y = 0; y < th; y++) {
      double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), sh - 1);
      int y0 = (int) fy;
      int y1 = Math.min(y0 + 1, sh - 1);
      double dy = fy - y0;
      for (int x = 0; x < tw; x++) {
        double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), sw - 1);
        int x0 = (int) fx;
        int x1 = Math.min(x0 + 1, sw - 1);
        double dx = fx - x0;
        for (int k = 0; k < c; k++) {
          double top =
              (src[(y0 * sw + x0) * c + k] & 0xFF) * (1 - dx)
                  + (src[(y0 * sw + x1) * c + k] & 0xFF) * dx;
          double bottom =
              (src[(y1 * sw + x0) * c + k] & 0xFF) * (1 - dx)
                  + (src[(y1 * sw + x1) * c + k] & 0xFF) * dx;
          dst[offset + (y * tw + x) * c + k] =
              (byte) (int) Math.round(top * (1 - dy) + bottom * dy);
        }
      }
    }
  }
}
