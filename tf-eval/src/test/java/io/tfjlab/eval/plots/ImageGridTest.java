package io.tfjlab.eval.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

  @TempDir Path dir;

  static float[][] gray(int h, int w, float v) {
    float[][] img = new float[h][w];
    for (float[] row : img) {
      java.util.Arrays.fill(row, v);
    }
    return img;
  }

  @Test
  void tilesGrayImagesRowByRow() throws Exception {
    List<float[][]> images = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      images.add(gray(4, 3, i / 4f)); // 0, 0.25, 0.5, 0.75, 1
    }
    Path png = dir.resolve("grid/x.png");
    new ImageGrid(3, 2, 1).writeGray(images, List.of(), png);
    // 3 columns of 3*2 px + 4 gaps; 2 rows of 4*2 px + 3 gaps
    BufferedImage img = PngAssert.readPng(png, 3 * 6 + 4, 2 * 8 + 3);
    assertThat(new Color(img.getRGB(1, 1))).isEqualTo(Color.BLACK); // image 0, value 0
    assertThat(img.getRGB(1 + 7, 1) & 0xff).isEqualTo(64); // image 1, value 0.25
    assertThat(new Color(img.getRGB(1 + 7, 1 + 9)))
        .isEqualTo(Color.WHITE); // image 4, row 2 column 2
    assertThat(new Color(img.getRGB(0, 0))).isEqualTo(ImageGrid.BACKGROUND); // padding
    assertThat(new Color(img.getRGB(1 + 14, 1 + 9))).isEqualTo(ImageGrid.BACKGROUND); // empty slot
  }

  @Test
  void drawsColourChannelsAndClipsOutOfRangeValues() {
    float[][][] rgb = new float[2][2][];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 2; x++) {
        rgb[y][x] = new float[] {1.5f, 0f, -0.2f};
      }
    }
    BufferedImage img = new ImageGrid(1, 1, 0).renderRgb(List.<float[][][]>of(rgb), List.of());
    assertThat(img.getWidth()).isEqualTo(2);
    assertThat(new Color(img.getRGB(1, 1))).isEqualTo(Color.RED);
  }

  @Test
  void rowLabelsAddALeftMargin() throws Exception {
    List<float[][]> strip = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      strip.add(gray(28, 28, i < 4 ? 0.2f : 0.8f));
    }
    Path png = dir.resolve("recon.png");
    ImageGrid grid = new ImageGrid(4, 1, 2);
    grid.writeGray(strip, List.of("original", "reconstruction"), png);
    BufferedImage labelled = javax.imageio.ImageIO.read(png.toFile());
    BufferedImage plain = grid.renderGray(strip, List.of());
    assertThat(plain.getWidth()).isEqualTo(4 * 28 + 5 * 2);
    assertThat(labelled.getHeight()).isEqualTo(plain.getHeight());
    assertThat(labelled.getWidth()).isGreaterThan(plain.getWidth() + 40);
    // some label text is drawn in the margin
    assertThat(
            PngAssert.countNear(
                labelled.getSubimage(
                    0, 0, labelled.getWidth() - plain.getWidth(), labelled.getHeight()),
                ImageGrid.BACKGROUND,
                0))
        .isLessThan((labelled.getWidth() - plain.getWidth()) * labelled.getHeight());
  }

  @Test
  void rejectsBadInput() {
    ImageGrid grid = new ImageGrid(2, 1, 1);
    assertThatThrownBy(() -> grid.renderGray(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image grid needs at least one image");
    assertThatThrownBy(() -> grid.renderGray(List.of(gray(2, 2, 0), gray(3, 2, 0)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image 1 has 3 rows, image 0 has 2");
    assertThatThrownBy(() -> grid.renderGray(List.<float[][]>of(gray(2, 2, 0)), List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("got 2 row labels for 1 rows of 2 images");
    assertThatThrownBy(() -> grid.renderGray(List.<float[][]>of(gray(2, 2, Float.NaN)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image 0 pixel (0, 0) is NaN");
    assertThatThrownBy(() -> new ImageGrid(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 column");
  }
}
