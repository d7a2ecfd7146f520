package io.tfjlab.eval.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFilesTest {

  @TempDir Path dir;

  @Test
  void createsParentsAndReplacesAtomically() throws Exception {
    Path png = dir.resolve("x/y/z.png");
    PngFiles.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), png);
    PngAssert.readPng(png, 3, 2);
    PngFiles.write(new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB), png);
    PngAssert.readPng(png, 5, 4);
  }

  @Test
  void givesTheFileTheFolderDefaultPermissions() throws Exception {
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
      return;
    }
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Path png = dir.resolve("p.png");
    PngFiles.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), png);
    assertThat(Files.getPosixFilePermissions(png)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void failsWithTheTargetInTheMessageAndLeavesNoTempFile() throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(
            () ->
                PngFiles.write(
                    new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
                    blocker.resolve("sub/a.png")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write " + blocker.resolve("sub/a.png"));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(blocker);
    }
  }
}
