package io.tfjlab.data.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.idx.IdxReader;
import io.tfjlab.data.io.Decoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives built in the test: entries that climb out with {@code ..}, absolute paths, links
 * pointing outside, and small compressed streams that expand past the size limit. Each is refused
 * with an IOException naming the entry, and nothing lands outside the target folder.
 */
class ArchiveSafetyTest {
  @TempDir Path tmp;

  /** One tar entry: a file with content, or a link (symbolic or hard) to a target. */
  record Entry(String name, byte[] content, String linkTo, byte linkType) {
    static Entry file(String name, String text) {
      return new Entry(name, text.getBytes(StandardCharsets.UTF_8), null, (byte) 0);
    }

    static Entry symlink(String name, String target) {
      return new Entry(name, new byte[0], target, TarConstants.LF_SYMLINK);
    }

    static Entry hardLink(String name, String target) {
      return new Entry(name, new byte[0], target, TarConstants.LF_LINK);
    }
  }

  static byte[] tar(List<Entry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry te;
        if (e.linkTo() != null) {
          te = new TarArchiveEntry(e.name(), e.linkType(), false);
          te.setLinkName(e.linkTo());
        } else {
          te = new TarArchiveEntry(e.name(), true);
          te.setSize(e.content().length);
        }
        t.putArchiveEntry(te);
        t.write(e.content());
        t.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  static byte[] bzip2(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
      bz.write(raw);
    }
    return out.toByteArray();
  }

  /** A .deb: an ar archive with debian-binary, control.tar.gz and the given data.tar member. */
  static byte[] deb(String dataMember, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
      member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
      member(ar, "control.tar.gz", gzip(tar(List.of(Entry.file("control", "Package: x\n")))));
      member(ar, dataMember, data);
    }
    return out.toByteArray();
  }

  private static void member(ArArchiveOutputStream ar, String name, byte[] data)
      throws IOException {
    ar.putArchiveEntry(new ArArchiveEntry(name, data.length));
    ar.write(data);
    ar.closeArchiveEntry();
  }

  Path write(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  /** Regular files anywhere under tmp except the archives themselves and the target folder. */
  List<Path> strayFiles(Path target) throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getParent().equals(tmp))
          .filter(p -> !p.startsWith(target))
          .toList();
    }
  }

  @Test
  void wellFormedTarGzAndDebAreExtracted() throws Exception {
    byte[] t =
        tar(
            List.of(
                Entry.file("package/data/a.txt", "A"),
                Entry.file("package/data/../data/b.txt", "B")));
    Path out = tmp.resolve("out");
    Archives.extractTarGz(write("ok.tgz", gzip(t)), out);
    assertThat(out.resolve("package/data/a.txt")).hasContent("A");
    assertThat(out.resolve("package/data/b.txt")).hasContent("B");

    Path outDeb = tmp.resolve("out-deb");
    Archives.extractDeb(write("ok.deb", deb("data.tar.bz2", bzip2(t))), outDeb);
    assertThat(outDeb.resolve("package/data/a.txt")).hasContent("A");
  }

  @Test
  void dotDotEntryIsRefusedInTarGzAndInDebOfEachCompression() throws Exception {
    byte[] evil = tar(List.of(Entry.file("ok.txt", "fine"), Entry.file("../../evil.txt", "x")));
    Path out = tmp.resolve("stage/out");
    assertThatThrownBy(() -> Archives.extractTarGz(write("evil.tgz", gzip(evil)), out))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside the staging folder")
        .hasMessageContaining("../../evil.txt");
    for (String member : List.of("data.tar", "data.tar.gz", "data.tar.bz2")) {
      byte[] data =
          member.endsWith(".gz") ? gzip(evil) : member.endsWith(".bz2") ? bzip2(evil) : evil;
      Path deb = write("evil-" + member + ".deb", deb(member, data));
      assertThatThrownBy(() -> Archives.extractDeb(deb, tmp.resolve("stage/deb-" + member)))
          .as(member)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("../../evil.txt");
    }
    assertThat(tmp.resolve("evil.txt")).doesNotExist();
    assertThat(strayFiles(tmp.resolve("stage"))).isEmpty();
  }

  @Test
  void absolutePathEntryIsRefused() throws Exception {
    Path victim = tmp.resolve("victim.txt");
    byte[] evil = tar(List.of(Entry.file(victim.toString(), "overwritten")));
    assertThatThrownBy(() -> Archives.extractTarGz(write("abs.tgz", gzip(evil)), tmp.resolve("o")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("absolute path");
    assertThat(victim).doesNotExist();
  }

  @Test
  void linksPointingOutsideAreRefusedAndLinksInsideAreNotCreated() throws Exception {
    Path out = tmp.resolve("links");
    for (Entry link :
        List.of(
            Entry.symlink("data/passwd", "/etc/passwd"),
            Entry.symlink("data/up", "../../.."),
            Entry.hardLink("data/h", "../outside.txt"))) {
      byte[] evil = tar(List.of(link, Entry.file("data/up/escaped.txt", "x")));
      Path archive =
          write("link-" + link.linkType() + "-" + Math.abs(link.name().hashCode()), gzip(evil));
      assertThatThrownBy(() -> Archives.extractTarGz(archive, out))
          .as(link.name())
          .isInstanceOf(IOException.class)
          .hasMessageContaining(link.linkTo());
    }
    // a link that stays inside is harmless, but still not created: data sets need none
    byte[] inside =
        tar(List.of(Entry.file("data/real.txt", "R"), Entry.symlink("data/alias", "real.txt")));
    Archives.extractTarGz(write("inside.tgz", gzip(inside)), out);
    assertThat(out.resolve("data/real.txt")).hasContent("R");
    assertThat(out.resolve("data/alias")).doesNotExist();
    assertThat(strayFiles(out)).isEmpty();
  }

  @Test
  void tarGzBombStopsAtTheLimit() throws Exception {
    byte[] big = new byte[8 << 20]; // 8 MiB of zeros: about 8 KiB as gzip
    byte[] compressed = gzip(tar(List.of(new Entry("zeros", big, null, (byte) 0))));
    assertThat(compressed.length).isLessThan(64 << 10);
    Path archive = write("bomb.tgz", compressed);
    assertThatThrownBy(() -> Archives.extractTarGz(archive, tmp.resolve("b"), 1 << 20))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expands past the limit of 1048576 bytes");
    Path deb =
        write(
            "bomb.deb",
            deb("data.tar.bz2", bzip2(tar(List.of(new Entry("z", big, null, (byte) 0))))));
    assertThatThrownBy(() -> Archives.extractDeb(deb, tmp.resolve("bd"), 1 << 20))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expands past the limit");
  }

  @Test
  void gzipAndBzip2DataFileBombsStopAtTheLimit() throws Exception {
    byte[] big = new byte[8 << 20];
    for (byte[] compressed : List.of(gzip(big), bzip2(big))) {
      Path bomb = write("bomb-" + compressed.length, compressed);
      Path target = tmp.resolve("decoded-" + compressed.length);
      assertThatThrownBy(() -> DatasetStore.decodeAndHash(bomb, target, 1 << 20))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("expands past the limit");
      assertThat(Files.size(target)).isLessThanOrEqualTo((1 << 20) + (1 << 16));
      try (var in = Decoding.open(bomb, 1 << 20)) {
        assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
            .isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void idxReaderTurnsABombIntoADataFormatError() throws Exception {
    // a gzip IDX header claiming 100000 images of 28x28 followed by endless zeros
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.write(new byte[] {0, 0, 8, 3, 0, 1, (byte) 0x86, (byte) 0xa0, 0, 0, 0, 28, 0, 0, 0, 28});
    raw.write(new byte[8 << 20]);
    Path file = write("bomb-idx3-ubyte.gz", gzip(raw.toByteArray()));
    assertThatThrownBy(() -> IdxReader.read(file, 3))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("truncated");
  }
}
