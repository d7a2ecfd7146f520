package io.tfjlab.data.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers of users' data sets: round trips through data export, options, the cache. */
class UserDatasetsTest {
  @TempDir Path dir;
  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  Dataset load(String ref) {
    return UserDatasets.load(DatasetRef.parse(ref), dir.resolve("cache"), log);
  }

  static void assertSame(Dataset a, Dataset b) {
    assertThat(b.checksums()).isEqualTo(a.checksums());
    assertThat(b.shape()).isEqualTo(a.shape());
    assertThat(b.train().labelArray()).containsExactly(a.train().labelArray());
    assertThat(b.test().labelArray()).containsExactly(a.test().labelArray());
  }

  @Test
  void referencesParseTheirOptionsAndRefuseUnknownOnes() {
    DatasetRef r = DatasetRef.parse("folder:/data/Cats and Dogs?size=64x48&color=gray&test=0.25");
    assertThat(r.size()).containsExactly(64, 48);
    assertThat(r.color()).isEqualTo("grey");
    assertThat(r.testFraction()).isEqualTo(0.25);
    assertThat(r.shortName()).isEqualTo("folder-cats-and-dogs");
    assertThat(r.toString())
        .isEqualTo("folder:/data/Cats and Dogs?color=gray&size=64x48&test=0.25");
    assertThat(DatasetRef.isReference("mnist")).isFalse();
    assertThat(DatasetRef.isReference("npz:x.npz")).isTrue();
    assertThatThrownBy(() -> DatasetRef.parse("folder:/d?colour=grey"))
        .hasMessageContaining("unknown option 'colour'")
        .hasMessageContaining("color, size, test, test-seed");
    assertThatThrownBy(() -> DatasetRef.parse("folder:/d?size=28"))
        .hasMessageContaining("HEIGHTxWIDTH");
    assertThatThrownBy(() -> DatasetRef.parse("npz:/d?test=1.5")).hasMessageContaining("(0, 1)");
  }

  @Test
  void npzFolderAndCsvExportsReadBackAsTheSameImagesInTheSameOrder() throws Exception {
    for (ImageShape shape : List.of(new ImageShape(5, 4, 1), new ImageShape(3, 6, 3))) {
      Dataset ds = UserDataFixtures.dataset(shape, 3, List.of("0", "1", "2"));
      for (String format : DatasetExport.FORMATS) {
        Path out = dir.resolve(format + shape.channels());
        String ref = DatasetExport.write(ds, format, out);
        if (format.equals("csv")) {
          ref += "?size=" + shape.height() + "x" + shape.width(); // not square
        }
        Dataset back = load(ref);
        assertSame(ds, back);
        assertThat(back.classNames()).containsExactly("0", "1", "2");
      }
    }
  }

  @Test
  void folderClassNamesComeFromTheFoldersAndKeepTheCatalogOrder() throws Exception {
    Dataset ds =
        UserDataFixtures.dataset(new ImageShape(4, 4, 1), 3, List.of("T-shirt/top", "Bag", "Coat"));
    assertThat(DatasetExport.classFolders(ds.classNames()))
        .containsExactly("0-T-shirt-top", "1-Bag", "2-Coat");
    Dataset back = load(DatasetExport.write(ds, "folder", dir.resolve("f")));
    assertSame(ds, back);
    assertThat(back.classNames()).containsExactly("0-T-shirt-top", "1-Bag", "2-Coat");
    assertThat(DatasetExport.classFolders(List.of("cat", "dog"))).containsExactly("cat", "dog");
  }

  @Test
  void aFolderWithoutTrainAndTestGetsASeededStratifiedTestSplit() throws Exception {
    UserDataFixtures.folder(dir.resolve("imgs"), 3, 10);
    Dataset a = load("folder:" + dir.resolve("imgs"));
    assertThat(a.train().classCounts()).containsExactly(8, 8, 8);
    assertThat(a.test().classCounts()).containsExactly(2, 2, 2);
    assertThat(a.classNames()).containsExactly("class0", "class1", "class2");
    assertThat(a.shape()).isEqualTo(new ImageShape(5, 4, 1));
    Dataset b = load("folder:" + dir.resolve("imgs") + "?test=0.5&test-seed=7");
    assertThat(b.test().classCounts()).containsExactly(5, 5, 5);
    Dataset c = load("folder:" + dir.resolve("imgs") + "?test=0.5&test-seed=8");
    assertThat(c.checksums().get("test")).isNotEqualTo(b.checksums().get("test"));
    Dataset b2 = load("folder:" + dir.resolve("imgs") + "?test=0.5&test-seed=7");
    assertThat(b2.checksums()).isEqualTo(b.checksums());
    UserDataFixtures.folder(dir.resolve("only/train"), 3, 10);
    assertThat(load("folder:" + dir.resolve("only")).checksums()).isEqualTo(a.checksums());
  }

  @Test
  void theSecondLoadReadsTheCacheAndAChangedFileDecodesAgain() throws Exception {
    Path root = UserDataFixtures.folder(dir.resolve("imgs"), 2, 3);
    String ref = "folder:" + root;
    Dataset first = load(ref);
    assertThat(logBytes.toString()).contains("decoding 6 images");
    logBytes.reset();
    Dataset second = load(ref);
    assertThat(logBytes.toString()).isEmpty();
    assertSame(first, second);
    try (Stream<Path> s = Files.list(dir.resolve("cache/user"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .singleElement()
          .satisfies(n -> assertThat(n).startsWith("folder-imgs-").endsWith(".npz"));
    }
    Path changed = root.resolve("class1/img0.png");
    UserDataFixtures.write(UserDataFixtures.grey(5, 4, 200), "png", changed);
    Files.setLastModifiedTime(changed, FileTime.fromMillis(1_000_000));
    Dataset third = load(ref);
    assertThat(logBytes.toString()).contains("decoding 6 images");
    assertThat(third.checksums()).isNotEqualTo(first.checksums());
  }

  @Test
  void colorAndSizeConvertAndResize() throws Exception {
    Path root = dir.resolve("rgb");
    UserDataFixtures.write(UserDataFixtures.rgb(4, 4, 255, 0, 0), "png", root.resolve("a/1.png"));
    UserDataFixtures.write(UserDataFixtures.rgb(8, 6, 0, 0, 255), "bmp", root.resolve("b/1.bmp"));
    UserDataFixtures.write(UserDataFixtures.rgb(4, 4, 0, 255, 0), "jpg", root.resolve("a/2.jpg"));
    UserDataFixtures.write(UserDataFixtures.rgb(4, 4, 9, 9, 9), "gif", root.resolve("b/2.gif"));
    Dataset ds = load("folder:" + root + "?size=2x2&color=grey&test=0.5");
    assertThat(ds.shape()).isEqualTo(new ImageShape(2, 2, 1));
    assertThat(ds.train().size() + ds.test().size()).isEqualTo(4);
    // a/1.png, pure red: luma 0.299 * 255 = 76
    ImageSet all = ds.train().label(0) == 0 ? ds.train() : ds.test();
    assertThat(ds.train().size()).isEqualTo(2);
    int red = -1;
    for (ImageSet s : List.of(ds.train(), ds.test())) {
      for (int i = 0; i < s.size(); i++) {
        if (s.label(i) == 0 && s.pixel(i, 0) < 100) {
          red = s.pixel(i, 0);
        }
      }
    }
    assertThat(all.shape().channels()).isEqualTo(1);
    assertThat(red).isEqualTo(76);
    Dataset rgb = load("folder:" + root + "?size=3x3&color=rgb&test=0.5");
    assertThat(rgb.shape()).isEqualTo(new ImageShape(3, 3, 3));
  }

  @Test
  void catalogTakesReferencesWhereverANameGoes() throws Exception {
    UserDataFixtures.folder(dir.resolve("imgs"), 2, 5);
    DatasetCatalog catalog =
        new DatasetCatalog(Map.of(), new DatasetStore(dir.resolve("cache"), Optional.empty(), log));
    String ref = "folder:" + dir.resolve("imgs");
    assertThat(catalog.descriptor(ref).shape()).isEqualTo(new ImageShape(5, 4, 1));
    assertThat(catalog.descriptor(ref).classNames()).containsExactly("class0", "class1");
    assertThat(catalog.load(ref).name()).isEqualTo("folder-imgs");
    assertThat(catalog.fetch(ref).checksums()).containsOnlyKeys("train", "test");
    assertThatThrownBy(() -> catalog.descriptor("minst")).hasMessageContaining("folder:DIR");
  }

  @Test
  void npzReadsFloatNhwcColumnLabelsAndNpyFolders() throws Exception {
    // float32 in [0, 1], shape (4, 2, 2, 1); labels int64 (4, 1)
    Path npz = dir.resolve("f.npz");
    ByteBuffer x = ByteBuffer.allocate(16 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 16; i++) {
      x.putFloat(i / 15f);
    }
    ByteBuffer y = ByteBuffer.allocate(4 * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : new long[] {0, 1, 0, 1}) {
      y.putLong(v);
    }
    Map<String, byte[]> arrays = new LinkedHashMap<>();
    arrays.put("x_train", npy("f4", new long[] {4, 2, 2, 1}, x.array()));
    arrays.put("y_train", npy("i8", new long[] {4, 1}, y.array()));
    arrays.put("x_test", npy("f4", new long[] {4, 2, 2, 1}, x.array()));
    arrays.put("y_test", npy("i8", new long[] {4, 1}, y.array()));
    zip(npz, arrays, true);
    Dataset ds = load("npz:" + npz);
    assertThat(ds.shape()).isEqualTo(new ImageShape(2, 2, 1));
    assertThat(ds.train().pixel(0, 0)).isZero();
    assertThat(ds.train().pixel(3, 3)).isEqualTo(255);
    assertThat(ds.train().pixel(0, 1)).isEqualTo(17); // 1/15 * 255
    assertThat(ds.test().labelArray()).containsExactly(0, 1, 0, 1);
    Path npyDir = Files.createDirectories(dir.resolve("npy"));
    for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
      Files.write(npyDir.resolve(e.getKey() + ".npy"), e.getValue());
    }
    assertSame(ds, load("npz:" + npyDir));
  }

  @Test
  void csvTakesAHeaderALabelColumnAndASiblingTestFile() throws Exception {
    Path train = dir.resolve("digits_train.csv");
    Files.writeString(train, "a,b,c,d,label\n1,2,3,4,0\n5,6,7,8,1\n9,9,9,9,1\n0,0,0,0,0\n");
    Files.writeString(dir.resolve("digits_test.csv"), "1,1,1,1,1\n2,2,2,2,0\n");
    Dataset ds = load("csv:" + train + "?label=-1");
    assertThat(ds.shape()).isEqualTo(new ImageShape(2, 2, 1));
    assertThat(ds.train().labelArray()).containsExactly(0, 1, 1, 0);
    assertThat(ds.train().pixel(1, 3)).isEqualTo(8);
    assertThat(ds.test().labelArray()).containsExactly(1, 0);
  }

  static byte[] npy(String dtype, long[] shape, byte[] data) {
    byte[] h = NpyHeader.encode(dtype, shape);
    byte[] out = new byte[h.length + data.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(data, 0, out, h.length, data.length);
    return out;
  }

  static void zip(Path file, Map<String, byte[]> arrays, boolean deflate) throws Exception {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      z.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
      for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  static void refused(Runnable r, String... parts) {
    assertThatThrownBy(r::run)
        .isInstanceOf(DataFormatException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("\n");
              for (String p : parts) {
                assertThat(e.getMessage()).contains(p);
              }
            });
  }
}
