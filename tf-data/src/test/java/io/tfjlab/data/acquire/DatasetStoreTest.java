package io.tfjlab.data.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.TestImages;
import io.tfjlab.data.catalog.BuiltInDatasets;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {
  @TempDir Path tmp;
  Path cache;
  Path good;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    cache = tmp.resolve("cache");
    good = tmp.resolve("good");
    TestImages.writeMnistLike(good, 20, true);
  }

  /**
   * A descriptor shaped like MNIST whose checksums are those of the synthetic files in {@code
   * good}.
   */
  DatasetDescriptor tiny(List<DataSource> sources) throws IOException {
    List<DataFile> files = new ArrayList<>();
    Path decoded = Files.createDirectories(tmp.resolve("decoded-" + System.nanoTime()));
    for (DataFile f : BuiltInDatasets.mnist().files()) {
      String sha =
          DatasetStore.decodeAndHash(good.resolve(f.name() + ".gz"), decoded.resolve(f.name()));
      files.add(new DataFile(f.name(), sha));
    }
    DatasetDescriptor m = BuiltInDatasets.mnist();
    return new DatasetDescriptor(
        "tiny", "test", m.shape(), m.classNames(), files, sources, m.loader());
  }

  DatasetStore store(Optional<Path> from) {
    return new DatasetStore(cache, from, new PrintStream(log, true));
  }

  @Test
  void firstGoodSourceWinsAndIsCachedDecoded() throws Exception {
    DatasetDescriptor d =
        tiny(List.of(new DirectorySource(tmp.resolve("missing")), new DirectorySource(good)));
    Materialized m = store(Optional.empty()).materialize(d);
    assertThat(m.source()).isEqualTo("directory " + good);
    assertThat(m.directory()).isEqualTo(cache.resolve("tiny"));
    assertThat(m.directory().resolve("train-images-idx3-ubyte")).isRegularFile();
    assertThat(m.checksums()).hasSize(4);
    assertThat(leftovers()).isEmpty();

    Dataset ds = d.loader().load(d, m);
    assertThat(ds.train().size()).isEqualTo(20);
    assertThat(ds.train().pixel(3, 14 * 28 + 14)).isEqualTo(103);
  }

  @Test
  void verifiedCacheIsUsedWithoutFetchingAgain() throws Exception {
    CountingSource counting = new CountingSource(new DirectorySource(good));
    DatasetDescriptor d = tiny(List.of(counting));
    store(Optional.empty()).materialize(d);
    Materialized again = store(Optional.empty()).materialize(d);
    assertThat(again.source()).isEqualTo("cache");
    assertThat(counting.calls).isEqualTo(1);
  }

  @Test
  void corruptCacheIsFetchedAgain() throws Exception {
    CountingSource counting = new CountingSource(new DirectorySource(good));
    DatasetDescriptor d = tiny(List.of(counting));
    Materialized m = store(Optional.empty()).materialize(d);
    Files.write(m.directory().resolve("t10k-labels-idx1-ubyte"), new byte[] {1, 2, 3});
    Materialized again = store(Optional.empty()).materialize(d);
    assertThat(again.source()).isNotEqualTo("cache");
    assertThat(counting.calls).isEqualTo(2);
  }

  @Test
  void checksumMismatchNamesFileExpectedAndActualAndCachesNothing() throws Exception {
    DatasetDescriptor d = tiny(List.of());
    Path other = tmp.resolve("other");
    TestImages.writeMnistLike(other, 21, false);
    DatasetDescriptor wrong =
        new DatasetDescriptor(
            "tiny",
            "t",
            d.shape(),
            d.classNames(),
            d.files(),
            List.of(new DirectorySource(other)),
            d.loader());
    assertThatThrownBy(() -> store(Optional.empty()).materialize(wrong))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("train-images-idx3-ubyte")
        .hasMessageContaining("SHA-256 mismatch, expected " + d.files().get(0).sha256())
        .hasMessageContaining("but got ");
    assertThat(cache.resolve("tiny")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aSourceThatFailsHalfwayLeavesNothingInTheCache() throws Exception {
    DataSource halfway =
        new DataSource() {
          @Override
          public String describe() {
            return "flaky";
          }

          @Override
          public Path provide(List<DataFile> files, Path staging) throws IOException {
            Files.copy(
                good.resolve(files.get(0).name() + ".gz"),
                staging.resolve(files.get(0).name() + ".gz"));
            throw new IOException("connection reset");
          }
        };
    DatasetDescriptor d = tiny(List.of(halfway));
    assertThatThrownBy(() -> store(Optional.empty()).materialize(d))
        .hasMessageContaining("flaky: connection reset");
    assertThat(cache.resolve("tiny")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void offlineWithNothingCachedListsEverySourceTried() throws Exception {
    DatasetDescriptor d =
        tiny(
            List.of(
                new HttpFilesSource("http://127.0.0.1:9/", ".gz"),
                new DirectorySource(tmp.resolve("nowhere"))));
    assertThatThrownBy(() -> store(Optional.empty()).materialize(d))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("no source could provide")
        .hasMessageContaining("1. cache")
        .hasMessageContaining("2. http://127.0.0.1:9/")
        .hasMessageContaining("3. directory " + tmp.resolve("nowhere"))
        .hasMessageContaining("--from DIR");
  }

  @Test
  void userDirectoryIsAuthoritative() throws Exception {
    DatasetDescriptor d = tiny(List.of(new DirectorySource(good)));
    Path other = tmp.resolve("other");
    TestImages.writeMnistLike(other, 21, false);
    assertThatThrownBy(() -> store(Optional.of(other)).materialize(d))
        .hasMessageContaining("directory " + other)
        .hasMessageContaining("mismatch");
    Materialized m = store(Optional.of(good)).materialize(d);
    assertThat(m.source()).isEqualTo("directory " + good);
  }

  @Test
  void catalogLoadsByNameAndRejectsUnknownNames() throws Exception {
    DatasetDescriptor d = tiny(List.of(new DirectorySource(good)));
    DatasetCatalog catalog = new DatasetCatalog(Map.of("tiny", d), store(Optional.empty()));
    assertThat(catalog.load("tiny").test().size()).isEqualTo(20);
    assertThatThrownBy(() -> catalog.load("nope"))
        .hasMessageContaining("unknown data set 'nope'")
        .hasMessageContaining("tiny");
  }

  @Test
  void tarGzArchivesAreUnpackedSafely() throws Exception {
    Path archiveDir = Files.createDirectories(tmp.resolve("arch/package/data"));
    TestImages.writeMnistLike(archiveDir, 20, true);
    Path tgz = tmp.resolve("pkg.tgz");
    Process p =
        new ProcessBuilder(
                "tar", "czf", tgz.toString(), "-C", tmp.resolve("arch").toString(), "package")
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    Path out = tmp.resolve("unpacked");
    Archives.extractTarGz(tgz, out);
    assertThat(out.resolve("package/data/train-images-idx3-ubyte.gz")).isRegularFile();
  }

  private List<Path> leftovers() throws IOException {
    if (!Files.exists(cache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".staging")).toList();
    }
  }

  static final class CountingSource implements DataSource {
    final DataSource inner;
    int calls;

    CountingSource(DataSource inner) {
      this.inner = inner;
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public Path provide(List<DataFile> files, Path staging) throws IOException {
      calls++;
      return inner.provide(files, staging);
    }
  }
}
