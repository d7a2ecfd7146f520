package io.tfjlab.data.idx;

import static io.tfjlab.data.TestImages.gzip;
import static io.tfjlab.data.TestImages.idx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  static final ImageShape SHAPE = new ImageShape(2, 3, 1);
  @TempDir Path dir;

  Path file(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void readsRawAndGzipToTheSameContent() throws Exception {
    byte[] payload = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 255};
    byte[] raw = idx(8, new int[] {2, 2, 3}, payload);
    IdxFile a = IdxReader.read(file("a", raw), 3);
    IdxFile b = IdxReader.read(file("b.gz", gzip(raw)), 3);
    assertThat(a.dims()).containsExactly(2, 2, 3);
    assertThat(a.data()).isEqualTo(payload).isEqualTo(b.data());
  }

  @Test
  void imageSetPairsImagesWithLabels() throws Exception {
    Path img =
        file("img", idx(8, new int[] {2, 2, 3}, new byte[] {0, 0, 0, 0, 0, 9, 1, 1, 1, 1, 1, 1}));
    Path lab = file("lab", idx(8, new int[] {2}, new byte[] {3, 7}));
    ImageSet set = IdxReader.readImageSet(img, lab, SHAPE, 10);
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.label(1)).isEqualTo(7);
    assertThat(set.pixel(0, 5)).isEqualTo(9);
  }

  @Test
  void rejectsBadMagic() throws Exception {
    byte[] raw = idx(8, new int[] {1}, new byte[] {1});
    raw[1] = 1;
    assertThatThrownBy(() -> IdxReader.read(file("m", raw), 1))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("m")
        .hasMessageContaining("magic");
  }

  @Test
  void rejectsOtherElementType() throws Exception {
    assertThatThrownBy(() -> IdxReader.read(file("t", idx(0x0D, new int[] {1}, new byte[4])), 1))
        .hasMessageContaining("element type 0x0d")
        .hasMessageContaining("0x08");
  }

  @Test
  void rejectsWrongDimensionCount() throws Exception {
    assertThatThrownBy(() -> IdxReader.read(file("d", idx(8, new int[] {1, 1}, new byte[1])), 3))
        .hasMessageContaining("2 dimensions")
        .hasMessageContaining("expected 3");
  }

  @Test
  void rejectsTruncatedAndOverlongPayloads() throws Exception {
    assertThatThrownBy(() -> IdxReader.read(file("short", idx(8, new int[] {4}, new byte[3])), 1))
        .hasMessageContaining("short")
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> IdxReader.read(file("long", idx(8, new int[] {4}, new byte[5])), 1))
        .hasMessageContaining("trailing");
  }

  @Test
  void rejectsImagesOfAnotherSize() throws Exception {
    Path img = file("img", idx(8, new int[] {1, 3, 3}, new byte[9]));
    Path lab = file("lab", idx(8, new int[] {1}, new byte[1]));
    assertThatThrownBy(() -> IdxReader.readImageSet(img, lab, SHAPE, 10))
        .hasMessageContaining("3x3")
        .hasMessageContaining("expected 2x3");
  }

  @Test
  void rejectsLabelCountThatDiffersFromImageCount() throws Exception {
    Path img = file("img", idx(8, new int[] {2, 2, 3}, new byte[12]));
    Path lab = file("labels", idx(8, new int[] {3}, new byte[3]));
    assertThatThrownBy(() -> IdxReader.readImageSet(img, lab, SHAPE, 10))
        .hasMessageContaining("labels")
        .hasMessageContaining("3 labels for 2 images");
  }

  @Test
  void rejectsLabelsOutOfRange() throws Exception {
    Path img = file("img", idx(8, new int[] {1, 2, 3}, new byte[6]));
    Path lab = file("lab", idx(8, new int[] {1}, new byte[] {10}));
    assertThatThrownBy(() -> IdxReader.readImageSet(img, lab, SHAPE, 10))
        .hasMessageContaining("label 10");
  }
}
