package io.tfjlab.data.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code folder:DIR}, the counterpart of Keras {@code image_dataset_from_directory}: one sub-folder
 * per class (class names = the sorted sub-folder names), optionally under {@code train/} and {@code
 * test/}; otherwise a seeded stratified test split of {@code test=} (default 0.2, seed {@code
 * test-seed=}, default 1). PNG, JPEG, BMP and GIF files, found recursively in each class folder
 * (other files are ignored).
 *
 * <p>Order: within a split, images are sorted by their path inside the class folder, then by class
 * (so the zero-padded index names {@code data export} writes come back in the catalog's order).
 *
 * <p>Images are decoded file by file straight into one preallocated uint8 array per split (the
 * compressed files are never all held), then cached as an uncompressed npz under {@code
 * <cache>/user/} keyed by the file list, sizes and modification times and the options; a second
 * load reads the cache. The cache is written to a temporary file and renamed, and only once every
 * image decoded.
 */
public final class ImageFolderReader {
  static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String META = "tfjlab.json";

  private final Path cacheDir;
  private final PrintStream log;

  public ImageFolderReader(Path cacheDir, PrintStream log) {
    this.cacheDir = cacheDir;
    this.log = log;
  }

  /** One image file: its class and its path relative to the class folder. */
  record Entry(Path file, int label, String relative, long size, long modified) {}

  /** The files of one split in load order. */
  record Listing(List<String> classNames, List<Entry> train, List<Entry> test, boolean ownTest) {}

  /** What the cache records next to the arrays. */
  record Meta(String key, List<String> classNames, Map<String, String> digests) {}

  public Dataset read(DatasetRef ref) {
    Path root = ref.path().toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new DataFormatException(
          root + " is not a folder; give a folder with one sub-folder of images per class");
    }
    Listing listing = list(root, ref);
    String key = key(ref, listing);
    Path cache =
        cacheDir.resolve(ref.shortName() + "-" + sha256(ref.toString()).substring(0, 16) + ".npz");
    Dataset cached = readCache(cache, key, ref, listing);
    if (cached != null) {
      return cached;
    }
    long t0 = System.nanoTime();
    log.printf(
        Locale.ROOT,
        "%s: decoding %d images into the cache %s ...%n",
        ref,
        listing.train().size() + listing.test().size(),
        cache);
    Dataset ds = decode(ref, root, listing);
    writeCache(cache, key, ds);
    log.printf(Locale.ROOT, "%s: decoded in %.1f s%n", ref, (System.nanoTime() - t0) / 1e9);
    return ds;
  }

  static Listing list(Path root, DatasetRef ref) {
    Path trainDir = root.resolve("train");
    Path testDir = root.resolve("test");
    boolean split = Files.isDirectory(trainDir) && Files.isDirectory(testDir);
    // DIR/train/<class>/ alone: its classes, with the test split held out
    boolean trainOnly = !split && classFolders(root).equals(List.of("train"));
    Path base = split || trainOnly ? trainDir : root;
    List<String> classes = classFolders(base);
    if (classes.size() < 2) {
      throw new DataFormatException(
          base
              + " has "
              + (classes.isEmpty()
                  ? "no class sub-folders"
                  : "one class sub-folder (" + classes.get(0) + ")")
              + "; a classifier needs one sub-folder of images per class, at least two");
    }
    if (classes.size() > 256) {
      throw new DataFormatException(
          base + " has " + classes.size() + " class sub-folders; tfjlab takes at most 256 classes");
    }
    List<Entry> train = entries(base, classes);
    List<Entry> test = List.of();
    if (split) {
      List<String> testClasses = classFolders(testDir);
      if (!testClasses.equals(classes)) {
        throw new DataFormatException(
            testDir
                + " has the class folders "
                + testClasses
                + ", "
                + trainDir
                + " "
                + classes
                + "; give train/ and test/ the same class folders");
      }
      test = entries(testDir, classes);
    }
    return new Listing(classes, train, test, split);
  }

  private static List<String> classFolders(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new DataFormatException(dir + " cannot be listed (" + e.getMessage() + ")", e);
    }
  }

  private static List<Entry> entries(Path base, List<String> classes) {
    List<Entry> all = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      Path dir = base.resolve(classes.get(c));
      int before = all.size();
      int label = c;
      try {
        Files.walkFileTree(
            dir,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (a.isRegularFile()
                    && !name.startsWith(".")
                    && dot > 0
                    && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                  all.add(
                      new Entry(
                          p,
                          label,
                          dir.relativize(p).toString(),
                          a.size(),
                          a.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new DataFormatException(dir + " cannot be listed (" + e.getMessage() + ")", e);
      }
      if (all.size() == before) {
        throw new DataFormatException(
            dir
                + " holds no PNG, JPEG, BMP or GIF image; add images to it or remove the empty class folder");
      }
    }
    all.sort(Comparator.comparing(Entry::relative).thenComparingInt(Entry::label));
    return all;
  }

  private static String key(DatasetRef ref, Listing l) {
    StringBuilder sb = new StringBuilder("tfjlab-folder-cache-1\n").append(ref).append('\n');
    sb.append(l.classNames()).append('\n');
    for (List<Entry> es : List.of(l.train(), l.test())) {
      sb.append("--\n");
      for (Entry e : es) {
        sb.append(e.label())
            .append('/')
            .append(e.relative())
            .append('/')
            .append(e.size())
            .append('/')
            .append(e.modified())
            .append('\n');
      }
    }
    return sha256(sb.toString());
  }

  private static Dataset decode(DatasetRef ref, Path root, Listing l) {
    List<Entry> first = l.train();
    ImageDecoder.Decoded d0 = ImageDecoder.decode(first.get(0).file());
    int[] size = ref.size();
    int h = size == null ? d0.height() : size[0];
    int w = size == null ? d0.width() : size[1];
    int c = ref.channels() == 0 ? d0.channels() : ref.channels();
    ImageShape shape = new ImageShape(h, w, c);
    List<Entry> train = l.train();
    List<Entry> test = l.test();
    if (!l.ownTest()) {
      int[] labels = train.stream().mapToInt(Entry::label).toArray();
      boolean[] mask =
          UserData.testRows(labels, l.classNames().size(), ref.testFraction(), ref.testSeed());
      List<Entry> tr = new ArrayList<>();
      List<Entry> te = new ArrayList<>();
      for (int i = 0; i < mask.length; i++) {
        (mask[i] ? te : tr).add(train.get(i));
      }
      train = tr;
      test = te;
    }
    Entry firstEntry = first.get(0);
    ImageSet trainSet = decodeAll(train, shape, l.classNames().size(), ref, firstEntry, d0);
    ImageSet testSet = decodeAll(test, shape, l.classNames().size(), ref, firstEntry, d0);
    return new Dataset(
        ref.shortName(),
        trainSet,
        testSet,
        l.classNames(),
        UserData.digests(trainSet, testSet),
        root);
  }

  private static ImageSet decodeAll(
      List<Entry> entries,
      ImageShape shape,
      int classes,
      DatasetRef ref,
      Entry first,
      ImageDecoder.Decoded d0) {
    long total = (long) entries.size() * shape.size();
    if (total > Integer.MAX_VALUE - 8) {
      throw new DataFormatException(
          ref.path()
              + ": "
              + entries.size()
              + " images of "
              + shape
              + " exceed 2 GB decoded; give a smaller size= or fewer images");
    }
    byte[] pixels = new byte[(int) total];
    byte[] labels = new byte[entries.size()];
    IntStream.range(0, entries.size())
        .parallel()
        .forEach(
            i -> {
              Entry e = entries.get(i);
              ImageDecoder.Decoded d = e.equals(first) ? d0 : ImageDecoder.decode(e.file());
              if (ref.size() == null
                  && (d.height() != shape.height() || d.width() != shape.width())) {
                throw new DataFormatException(
                    e.file()
                        + " is "
                        + d.height()
                        + "x"
                        + d.width()
                        + ", the first image ("
                        + first.file()
                        + ") "
                        + shape.height()
                        + "x"
                        + shape.width()
                        + "; resize them all with size=HxW (--image-size HxW)");
              }
              if (ref.channels() == 0 && d.channels() != shape.channels()) {
                throw new DataFormatException(
                    e.file()
                        + " is "
                        + (d.grey() ? "grey" : "colour")
                        + ", the first image ("
                        + first.file()
                        + ") "
                        + (d.grey() ? "colour" : "grey")
                        + "; choose one with color=grey or color=rgb (--color)");
              }
              ImageDecoder.write(
                  d, shape.height(), shape.width(), shape.channels(), pixels, i * shape.size());
              labels[i] = (byte) e.label();
            });
    return new ImageSet(pixels, labels, shape, classes);
  }

  private Dataset readCache(Path cache, String key, DatasetRef ref, Listing l) {
    if (!Files.isRegularFile(cache)) {
      return null;
    }
    try (NpzFiles.Arrays a = NpzFiles.open(cache)) {
      String text = a.text(META);
      Meta meta = text == null ? null : JSON.readValue(text, Meta.class);
      if (meta == null || !key.equals(meta.key())) {
        return null;
      }
      ImageSet train = cachedSet(a, "train", meta.classNames().size());
      ImageSet test = cachedSet(a, "test", meta.classNames().size());
      return new Dataset(
          ref.shortName(),
          train,
          test,
          meta.classNames(),
          meta.digests(),
          ref.path().toAbsolutePath().normalize());
    } catch (IOException | RuntimeException e) {
      log.println(
          ref + ": cache " + cache + " unreadable (" + e.getMessage() + "); decoding again");
      return null;
    }
  }

  private static ImageSet cachedSet(NpzFiles.Arrays a, String split, int classes)
      throws IOException {
    NpyHeader h = NpyArrays.header(a.opener("x_" + split), a.describe("x_" + split));
    long[] s = h.shape();
    ImageShape shape = new ImageShape((int) s[1], (int) s[2], (int) s[3]);
    byte[] px = new byte[(int) h.count()];
    NpyArrays.readPixels(a.opener("x_" + split), a.describe("x_" + split), px);
    int[] y = NpyArrays.readLabels(a.opener("y_" + split), a.describe("y_" + split));
    return new ImageSet(px, UserData.bytes(y), shape, classes);
  }

  private void writeCache(Path cache, String key, Dataset ds) {
    Path tmp = null;
    try {
      Files.createDirectories(cacheDir);
      tmp = Files.createTempFile(cacheDir, ".tmp-" + cache.getFileName(), ".npz");
      Map<String, long[]> shapes = new LinkedHashMap<>();
      Map<String, java.nio.ByteBuffer> data = new LinkedHashMap<>();
      for (String split : new String[] {"train", "test"}) {
        ImageSet s = split.equals("train") ? ds.train() : ds.test();
        ImageShape sh = s.shape();
        shapes.put("x_" + split, new long[] {s.size(), sh.height(), sh.width(), sh.channels()});
        data.put("x_" + split, s.pixelBuffer());
        shapes.put("y_" + split, new long[] {s.size()});
        data.put("y_" + split, java.nio.ByteBuffer.wrap(UserData.bytes(s.labelArray())));
      }
      String meta = JSON.writeValueAsString(new Meta(key, ds.classNames(), ds.checksums()));
      NpzFiles.writeUint8(tmp, shapes, data, Map.of(META, meta));
      Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      log.println(
          "folder cache "
              + cache
              + " not written ("
              + e.getMessage()
              + "); the next run decodes again");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file; never read
        }
      }
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
