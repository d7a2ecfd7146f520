package io.tfjlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eager preprocessing of generated PNG and JPEG files: known pixel values after decode, resize,
 * grey, scale.
 */
class ImagesTest {
  @TempDir Path tmp;

  Path grey(String name, int w, int h, int... values) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < values.length; i++) {
      img.getRaster().setSample(i % w, i / w, 0, values[i]);
    }
    Path f = tmp.resolve(name);
    ImageIO.write(img, name.endsWith(".jpg") ? "jpg" : "png", f.toFile());
    return f;
  }

  static float[] all(Images images) {
    return images.toArray();
  }

  @Test
  void aGreyPngOfTheModelsSizeKeepsItsValuesScaledToUnitRange() throws Exception {
    Path f = grey("g.png", 3, 2, 0, 51, 102, 153, 204, 255);
    Images x = Images.load(new ImageShape(2, 3, 1), f);
    assertThat(x.size()).isEqualTo(1);
    assertThat(all(x)).containsExactly(new float[] {0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f}, within(1e-6f));
    assertThat(x.pixel(0, 1, 2, 0)).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void rgbBecomesGreyWithTheWeightsOfRgbToGrayscale() throws Exception {
    BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xFF0000);
    img.setRGB(1, 0, 0x00FF00);
    img.setRGB(2, 0, 0x0000FF);
    img.setRGB(3, 0, 0xFFFFFF);
    Path f = tmp.resolve("rgb.png");
    ImageIO.write(img, "png", f.toFile());
    Images x = Images.load(new ImageShape(1, 4, 1), f);
    assertThat(all(x))
        .containsExactly(new float[] {0.2989f, 0.5870f, 0.1140f, 0.9999f}, within(1e-6f));
    // and kept as three channels for an RGB model
    Images rgb = Images.load(new ImageShape(1, 4, 3), f);
    assertThat(all(rgb))
        .containsExactly(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, within(1e-6f));
  }

  @Test
  void enlargingIsBilinearWithHalfPixelCentres() throws Exception {
    // tf.image.resize([0, 1], 4, bilinear): sample points -0.25, 0.25, 0.75, 1.25 -> 0, 0.25, 0.75,
    // 1
    Images x = Images.load(new ImageShape(1, 4, 1), grey("two.png", 2, 1, 0, 255));
    assertThat(all(x)).containsExactly(new float[] {0f, 0.25f, 0.75f, 1f}, within(1e-6f));
  }

  @Test
  void shrinkingAveragesEachBlock() throws Exception {
    Path f =
        grey("blocks.png", 4, 4, 0, 0, 255, 255, 0, 0, 255, 255, 51, 102, 0, 255, 153, 204, 0, 255);
    Images x = Images.load(new ImageShape(2, 2, 1), f);
    assertThat(all(x)).containsExactly(new float[] {0f, 1f, 0.5f, 0.5f}, within(1e-6f));
  }

  @Test
  void greyIsCopiedIntoThreeChannelsAndInversionFlipsValues() throws Exception {
    Images x = Images.load(new ImageShape(1, 1, 3), grey("one.png", 1, 1, 51));
    assertThat(all(x)).containsExactly(new float[] {0.2f, 0.2f, 0.2f}, within(1e-6f));
    assertThat(all(x.inverted())).containsExactly(new float[] {0.8f, 0.8f, 0.8f}, within(1e-6f));
  }

  @Test
  void aJpegIsDecodedToAboutItsGreyLevel() throws Exception {
    int[] flat = new int[64];
    java.util.Arrays.fill(flat, 128);
    Images x = Images.load(new ImageShape(8, 8, 1), grey("flat.jpg", 8, 8, flat));
    for (float v : all(x)) {
      assertThat(v).isCloseTo(128f / 255f, within(2f / 255f));
    }
  }

  @Test
  void imagesOfADataSetAreScaledAsTrainingBatchesAndSurviveAPngRoundTrip() throws Exception {
    ImageSet set = Bars.images(6, 3);
    Images x = Images.of(set, 4, 1);
    float[] expected = new float[2 * set.shape().size()];
    set.copyScaled(4, expected, 0);
    set.copyScaled(1, expected, set.shape().size());
    assertThat(all(x)).containsExactly(expected);
    Path png = x.savePng(1, tmp.resolve("saved/one.png"));
    Images back = Images.load(set.shape(), png);
    assertThat(all(back))
        .containsExactly(
            java.util.Arrays.copyOfRange(expected, set.shape().size(), expected.length));
    assertThat(x.resizedTo(new ImageShape(6, 6, 1)).shape()).isEqualTo(new ImageShape(6, 6, 1));
  }

  @Test
  void badFilesAndValuesAreOneLineErrors() throws Exception {
    Path text = Files.writeString(tmp.resolve("notes.png"), "not an image");
    assertThatThrownBy(() -> Images.load(new ImageShape(2, 2, 1), text))
        .hasMessageContaining("cannot decode")
        .hasMessageContaining("notes.png");
    assertThatThrownBy(() -> Images.load(new ImageShape(2, 2, 1), tmp.resolve("missing.png")))
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> Images.of(new ImageShape(1, 2, 1), new float[] {0f, 255f}))
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> Images.of(new ImageShape(1, 2, 1), new float[] {0f, 1f, 0f}))
        .hasMessageContaining("whole number");
  }
}
