package io.tfjlab.data.user;

import io.tfjlab.data.Dataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Load time and peak memory of a large image folder ({@code scripts/bench-folder.sh} runs it):
 * {@code generate DIR N SIZE} writes N SIZExSIZE RGB JPEGs in two class folders (cat, dog); {@code
 * load DIR CACHE} loads {@code folder:DIR} with the cache under CACHE and prints the time, the
 * decoded bytes, the heap in use after the load and the process's peak resident memory (VmHWM). Run
 * cold (empty CACHE) and warm (the same CACHE again) as separate processes.
 */
public final class FolderLoadBenchmark {
  private FolderLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    } else if (args.length >= 3 && args[0].equals("load")) {
      load(Path.of(args[1]), Path.of(args[2]));
    } else {
      System.err.println("usage: generate DIR N SIZE | load DIR CACHE");
      System.exit(2);
    }
  }

  static void generate(Path dir, int n, int size) throws IOException {
    long t0 = System.nanoTime();
    for (String c : new String[] {"cat", "dog"}) {
      Files.createDirectories(dir.resolve(c));
    }
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              Random rng = new Random(i);
              BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
              int r0 = rng.nextInt(256);
              int g0 = rng.nextInt(256);
              int b0 = rng.nextInt(256);
              for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                  int r = (r0 + 2 * x + rng.nextInt(24)) & 0xFF;
                  int g = (g0 + 2 * y + rng.nextInt(24)) & 0xFF;
                  int b = (b0 + x + y + rng.nextInt(24)) & 0xFF;
                  img.setRGB(x, y, r << 16 | g << 8 | b);
                }
              }
              String cls = i % 2 == 0 ? "cat" : "dog";
              Path f = dir.resolve(cls).resolve(String.format(Locale.ROOT, "%s.%05d.jpg", cls, i));
              try {
                ImageIO.write(img, "jpg", f.toFile());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    System.out.printf(
        Locale.ROOT,
        "generated %d %dx%dx3 JPEGs in %s in %.1f s%n",
        n,
        size,
        size,
        dir,
        (System.nanoTime() - t0) / 1e9);
  }

  static void load(Path dir, Path cache) {
    long t0 = System.nanoTime();
    Dataset ds =
        UserDatasets.load(
            DatasetRef.parse("folder:" + dir),
            cache,
            new PrintStream(OutputStream.nullOutputStream()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    long decoded = (long) (ds.train().size() + ds.test().size()) * ds.shape().size();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        Locale.ROOT,
        "loaded %d + %d images of %s (%.1f MB decoded) in %.2f s; heap in use after GC %.1f MB;"
            + " peak resident memory (VmHWM) %s; max heap %.0f MB%n",
        ds.train().size(),
        ds.test().size(),
        ds.shape(),
        decoded / 1e6,
        seconds,
        heap / 1e6,
        vmHwm(),
        Runtime.getRuntime().maxMemory() / 1e6);
  }

  private static String vmHwm() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return String.format(Locale.ROOT, "%.1f MB", kb / 1e3);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "n/a";
  }
}
