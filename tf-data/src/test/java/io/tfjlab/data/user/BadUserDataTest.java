package io.tfjlab.data.user;

import static io.tfjlab.data.user.UserDatasetsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.Dataset;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: each a one-line error naming the file and the fix, and nothing cached. */
class BadUserDataTest {
  @TempDir Path dir;

  Dataset load(String ref) {
    return UserDatasets.load(
        DatasetRef.parse(ref),
        dir.resolve("cache"),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  @AfterEach
  void nothingCached() throws Exception {
    Path user = dir.resolve("cache/user");
    if (Files.isDirectory(user)) {
      try (var s = Files.list(user)) {
        assertThat(s.toList()).isEmpty();
      }
    }
  }

  @Test
  void truncatedPng() throws Exception {
    Path root = UserDataFixtures.folder(dir.resolve("imgs"), 2, 3);
    Path bad = root.resolve("class1/img2.png");
    byte[] png = UserDataFixtures.encode(UserDataFixtures.grey(20, 20, 3), "png");
    Files.write(bad, Arrays.copyOf(png, png.length / 2));
    refused(() -> load("folder:" + root), bad.toString(), "replace or remove it");
  }

  @Test
  void truncatedJpeg() throws Exception {
    Path root = dir.resolve("imgs");
    for (int i = 0; i < 2; i++) {
      UserDataFixtures.write(
          UserDataFixtures.rgb(16, 16, 10, 200, 30), "jpg", root.resolve("a/" + i + ".jpg"));
      UserDataFixtures.write(
          UserDataFixtures.rgb(16, 16, 200, 10, 30), "jpg", root.resolve("b/" + i + ".jpg"));
    }
    Path bad = root.resolve("b/1.jpg");
    byte[] jpg = Files.readAllBytes(bad);
    Files.write(bad, Arrays.copyOf(jpg, jpg.length * 2 / 3));
    refused(() -> load("folder:" + root), bad.toString(), "replace or remove it");
  }

  @Test
  void notAnImage() throws Exception {
    Path root = UserDataFixtures.folder(dir.resolve("imgs"), 2, 2);
    Path bad = Files.writeString(root.resolve("class0/notes.png"), "not a picture");
    refused(() -> load("folder:" + root), bad.toString(), "remove it or convert it");
  }

  @Test
  void oneClass() throws Exception {
    Path root = UserDataFixtures.folder(dir.resolve("imgs"), 1, 3);
    refused(
        () -> load("folder:" + root),
        root.toString(),
        "one class sub-folder (class0)",
        "at least two");
  }

  @Test
  void emptyClass() throws Exception {
    Path root = UserDataFixtures.folder(dir.resolve("imgs"), 2, 3);
    Files.createDirectories(root.resolve("class2"));
    Files.writeString(root.resolve("class2/readme.txt"), "x");
    refused(() -> load("folder:" + root), root.resolve("class2").toString(), "holds no PNG");
  }

  @Test
  void mixedSizesWithoutImageSize() throws Exception {
    Path root = UserDataFixtures.folder(dir.resolve("imgs"), 2, 3);
    Path odd = root.resolve("class1/img9.png");
    UserDataFixtures.write(UserDataFixtures.grey(7, 7, 1), "png", odd);
    refused(() -> load("folder:" + root), odd.toString(), "is 7x7", "5x4", "--image-size");
    Files.deleteIfExists(dir.resolve("cache/user"));
    assertThat(
            load("folder:" + root + "?size=5x4").train().size()
                + load("folder:" + root + "?size=5x4").test().size())
        .isEqualTo(7);
    for (Path p : Files.list(dir.resolve("cache/user")).toList()) {
      Files.delete(p); // the good load's cache; the check after the test is for the bad one
    }
  }

  @Test
  void mixedGreyAndColourWithoutColor() throws Exception {
    Path root = UserDataFixtures.folder(dir.resolve("imgs"), 2, 2);
    Path colour =
        UserDataFixtures.write(
            UserDataFixtures.rgb(5, 4, 1, 2, 3), "png", root.resolve("class1/img5.png"));
    refused(() -> load("folder:" + root), colour.toString(), "color=grey or color=rgb");
  }

  @Test
  void trainAndTestWithOtherClasses() throws Exception {
    UserDataFixtures.folder(dir.resolve("imgs/train"), 3, 2);
    UserDataFixtures.folder(dir.resolve("imgs/test"), 2, 2);
    refused(() -> load("folder:" + dir.resolve("imgs")), "test", "the same class folders");
  }

  @Test
  void csvLabelOutOfRange() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("d.csv"), "label,p0,p1,p2,p3\n0,1,2,3,4\n1,1,2,3,4\n12,1,2,3,4\n");
    refused(() -> load("csv:" + csv + "?classes=10"), csv.toString(), "line 4", "label 12", "0..9");
    Path neg = Files.writeString(dir.resolve("n.csv"), "0,1,2,3,4\n-1,1,2,3,4\n");
    refused(() -> load("csv:" + neg), neg.toString(), "line 2", "label -1");
  }

  @Test
  void csvRaggedLineAndBadPixel() throws Exception {
    Path csv = Files.writeString(dir.resolve("d.csv"), "0,1,2,3,4\n1,1,2,3\n");
    refused(() -> load("csv:" + csv), csv.toString(), "line 2", "same number");
    Path px = Files.writeString(dir.resolve("p.csv"), "0,1,2,3,4\n1,1,2,300,4\n");
    refused(() -> load("csv:" + px), px.toString(), "pixel 300", "0..255");
  }

  @Test
  void npzWithoutXTrain() throws Exception {
    Path npz = dir.resolve("d.npz");
    UserDatasetsTest.zip(
        npz,
        Map.of(
            "images",
            UserDatasetsTest.npy("u1", new long[] {2, 2, 2}, new byte[8]),
            "y_train",
            UserDatasetsTest.npy("u1", new long[] {2}, new byte[] {0, 1})),
        true);
    refused(() -> load("npz:" + npz), npz + ":x_train", "is missing", "images", "numpy.savez");
  }

  @Test
  void npzTruncatedOrWithFortranOrder() throws Exception {
    Path npz = dir.resolve("t.npz");
    byte[] x = UserDatasetsTest.npy("u1", new long[] {2, 2, 2}, new byte[8]);
    UserDatasetsTest.zip(
        npz,
        Map.of(
            "x_train",
            Arrays.copyOf(x, x.length - 3),
            "y_train",
            UserDatasetsTest.npy("u1", new long[] {2}, new byte[] {0, 1})),
        true);
    refused(() -> load("npz:" + npz), "x_train", "truncated");
    Path f = dir.resolve("f.npz");
    byte[] fortran =
        new String(x, java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("False", "True ")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    UserDatasetsTest.zip(
        f,
        Map.of(
            "x_train",
            fortran,
            "y_train",
            UserDatasetsTest.npy("u1", new long[] {2}, new byte[] {0, 1})),
        true);
    refused(() -> load("npz:" + f), "Fortran order", "ascontiguousarray");
  }
}
