package io.tfjlab.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibsvmImageReaderTest {
  static final ImageShape SHAPE = new ImageShape(2, 2, 1);
  static final String TEXT = "10 1:-1 2:1 3:0 4:0.5\n3 2:-0.5\n";
  @TempDir Path dir;

  @Test
  void readsUspsStyleLinesWithLabelTenAsDigitZero() throws Exception {
    Path f = Files.writeString(dir.resolve("usps"), TEXT);
    ImageSet set = LibsvmImageReader.read(f, SHAPE);
    assertThat(set.size()).isEqualTo(2);
    assertThat(set.label(0)).isZero();
    assertThat(set.label(1)).isEqualTo(3);
    assertThat(new int[] {set.pixel(0, 0), set.pixel(0, 1), set.pixel(0, 2), set.pixel(0, 3)})
        .containsExactly(0, 255, 128, 191);
    // missing features are 0, i.e. mid grey
    assertThat(set.pixel(1, 0)).isEqualTo(128);
    assertThat(set.pixel(1, 1)).isEqualTo(64);
  }

  @Test
  void readsBzip2Files() throws Exception {
    Path f = dir.resolve("usps.bz2");
    try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(f))) {
      out.write(TEXT.getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(LibsvmImageReader.read(f, SHAPE).size()).isEqualTo(2);
  }

  @Test
  void namesTheLineOfABadLabelOrIndex() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad"), "1 1:0\n11 1:0\n");
    assertThatThrownBy(() -> LibsvmImageReader.read(bad, SHAPE))
        .hasMessageContaining("bad:2")
        .hasMessageContaining("label 11");
    Path idx = Files.writeString(dir.resolve("idx"), "1 5:0\n");
    assertThatThrownBy(() -> LibsvmImageReader.read(idx, SHAPE))
        .hasMessageContaining("idx:1")
        .hasMessageContaining("index 5 outside 1..4");
  }
}
