package io.tfjlab.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.ImageSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {
  @TempDir Path dir;

  static byte[] record(int label, int r, int g, int b) {
    byte[] rec = new byte[3073];
    rec[0] = (byte) label;
    for (int p = 0; p < 1024; p++) {
      rec[1 + p] = (byte) r;
      rec[1 + 1024 + p] = (byte) g;
      rec[1 + 2048 + p] = (byte) b;
    }
    rec[1 + 33] = (byte) 200; // red of pixel (row 1, col 1)
    return rec;
  }

  @Test
  void convertsPlanarRecordsToInterleavedRgbAcrossFiles() throws Exception {
    byte[] two = new byte[2 * 3073];
    System.arraycopy(record(3, 10, 20, 30), 0, two, 0, 3073);
    System.arraycopy(record(9, 1, 2, 3), 0, two, 3073, 3073);
    Path a = Files.write(dir.resolve("data_batch_1.bin"), two);
    Path b = Files.write(dir.resolve("test_batch.bin"), record(0, 5, 6, 7));
    ImageSet set = CifarBinaryReader.read(List.of(a, b));
    assertThat(set.size()).isEqualTo(3);
    assertThat(set.shape()).isEqualTo(CifarBinaryReader.SHAPE);
    assertThat(set.labelArray()).containsExactly(3, 9, 0);
    assertThat(new int[] {set.pixel(0, 0), set.pixel(0, 1), set.pixel(0, 2)})
        .containsExactly(10, 20, 30);
    assertThat(set.pixel(0, 33 * 3)).isEqualTo(200);
    assertThat(set.pixel(2, 5)).isEqualTo(7);
  }

  @Test
  void rejectsFilesThatAreNotWholeRecordsAndBadLabels() throws Exception {
    Path cut = Files.write(dir.resolve("cut.bin"), new byte[3000]);
    assertThatThrownBy(() -> CifarBinaryReader.read(List.of(cut)))
        .hasMessageContaining("cut.bin")
        .hasMessageContaining("3073");
    Path bad = Files.write(dir.resolve("bad.bin"), record(12, 0, 0, 0));
    assertThatThrownBy(() -> CifarBinaryReader.read(List.of(bad))).hasMessageContaining("label 12");
  }
}
