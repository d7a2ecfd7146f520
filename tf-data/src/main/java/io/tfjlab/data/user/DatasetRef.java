package io.tfjlab.data.user;

import io.tfjlab.data.ImageShape;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A user's data set, named where a catalog name goes ({@code --dataset}, a spec file's {@code
 * "dataset"}, {@code data info}): {@code KIND:PATH[?option=value&...]}.
 *
 * <ul>
 *   <li>{@code folder:DIR} — one sub-folder per class (sorted names = class names), optionally
 *       under {@code train/} and {@code test/}; options {@code size=HxW}, {@code color=grey|rgb},
 *       {@code test=FRACTION}, {@code test-seed=N}
 *   <li>{@code npz:FILE} — NumPy arrays x_train, y_train, x_test, y_test ({@code npz:DIR}: the same
 *       as four .npy files); options {@code test}, {@code test-seed} when there is no x_test
 *   <li>{@code csv:FILE} — label then pixels per line; {@code csv:DIR} holds train.csv and
 *       test.csv; options {@code label=COLUMN}, {@code size=HxW}, {@code classes=K}, {@code test},
 *       {@code test-seed}
 * </ul>
 *
 * The options live in the reference, so a run's spec (and the run ledger's key) holds them without
 * a field of its own.
 *
 * @param kind folder, npz or csv
 * @param path the folder or file
 * @param options option name to value, sorted by name
 */
public record DatasetRef(String kind, Path path, Map<String, String> options) {
  /** Test fraction of a data set without its own test split. */
  public static final double DEFAULT_TEST_FRACTION = 0.2;

  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "folder", Set.of("size", "color", "test", "test-seed"),
          "npz", Set.of("test", "test-seed"),
          "csv", Set.of("label", "size", "classes", "test", "test-seed"));

  public DatasetRef {
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** True when {@code name} is a reference ({@code folder:}, {@code npz:}, {@code csv:}). */
  public static boolean isReference(String name) {
    int colon = name.indexOf(':');
    return colon > 0 && OPTIONS.containsKey(name.substring(0, colon));
  }

  /** Parses {@code KIND:PATH[?k=v&...]}; unknown kinds or options are refused with the list. */
  public static DatasetRef parse(String ref) {
    int colon = ref.indexOf(':');
    String kind = colon > 0 ? ref.substring(0, colon) : "";
    if (!OPTIONS.containsKey(kind)) {
      throw new IllegalArgumentException(
          "'" + ref + "' is not a data set reference; use folder:DIR, npz:FILE or csv:FILE");
    }
    String rest = ref.substring(colon + 1);
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    if (path.isBlank()) {
      throw new IllegalArgumentException(ref + ": no path after '" + kind + ":'");
    }
    Map<String, String> options = new TreeMap<>();
    if (q >= 0 && q + 1 < rest.length()) {
      for (String pair : rest.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              ref + ": option '" + pair + "' must be name=value, e.g. size=28x28");
        }
        options.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    DatasetRef r = new DatasetRef(kind, Path.of(path), options);
    r.validate(ref);
    return r;
  }

  private void validate(String ref) {
    for (String k : options.keySet()) {
      if (!OPTIONS.get(kind).contains(k)) {
        throw new IllegalArgumentException(
            ref
                + ": unknown option '"
                + k
                + "' for "
                + kind
                + ": data sets; known: "
                + String.join(", ", new java.util.TreeSet<>(OPTIONS.get(kind))));
      }
    }
    size();
    color();
    testFraction();
    testSeed();
    labelColumn();
    classes();
  }

  /** The same reference with {@code name=value} set (null removes it). */
  public DatasetRef with(String name, String value) {
    Map<String, String> o = new TreeMap<>(options);
    if (value == null) {
      o.remove(name);
    } else {
      o.put(name, value);
    }
    DatasetRef r = new DatasetRef(kind, path, o);
    r.validate(r.toString());
    return r;
  }

  /** {@code size=HxW} as height and width, or null when not given. */
  public int[] size() {
    String s = options.get("size");
    if (s == null) {
      return null;
    }
    String[] hw = s.toLowerCase(Locale.ROOT).split("x");
    try {
      int h = Integer.parseInt(hw[0]);
      int w = Integer.parseInt(hw[1]);
      if (hw.length == 2 && h > 0 && w > 0 && (long) h * w <= 1 << 24) {
        return new int[] {h, w};
      }
    } catch (RuntimeException bad) {
      // reported below
    }
    throw new IllegalArgumentException(
        "size=" + s + " in " + this + " must be HEIGHTxWIDTH, e.g. size=28x28");
  }

  /** {@code color}: grey, rgb, or null (what the files are). */
  public String color() {
    String c = options.get("color");
    if (c == null) {
      return null;
    }
    String v = c.equals("gray") ? "grey" : c;
    if (!v.equals("grey") && !v.equals("rgb")) {
      throw new IllegalArgumentException("color=" + c + " in " + this + " must be grey or rgb");
    }
    return v;
  }

  /** Channels asked for by {@code color}, or 0 when not given. */
  public int channels() {
    String c = color();
    return c == null ? 0 : c.equals("grey") ? 1 : 3;
  }

  /** {@code test}: the stratified test fraction when the data has no test split of its own. */
  public double testFraction() {
    String t = options.get("test");
    if (t == null) {
      return DEFAULT_TEST_FRACTION;
    }
    try {
      double f = Double.parseDouble(t);
      if (f > 0 && f < 1) {
        return f;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new IllegalArgumentException(
        "test=" + t + " in " + this + " must be a fraction in (0, 1), e.g. test=0.2");
  }

  /** {@code test-seed}: seeds the test split (default 1). */
  public long testSeed() {
    String s = options.get("test-seed");
    try {
      return s == null ? 1 : Long.parseLong(s);
    } catch (NumberFormatException bad) {
      throw new IllegalArgumentException(
          "test-seed=" + s + " in " + this + " must be an integer", bad);
    }
  }

  /** {@code label}: the CSV column holding the label (0-based; -1 = the last), default 0. */
  public int labelColumn() {
    return intOption("label", 0, Integer.MIN_VALUE);
  }

  /** {@code classes}: the number of classes a CSV's labels must lie in, or 0 (max label + 1). */
  public int classes() {
    return intOption("classes", 0, 2);
  }

  private int intOption(String name, int absent, int min) {
    String s = options.get(name);
    if (s == null) {
      return absent;
    }
    try {
      int v = Integer.parseInt(s);
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + "=" + s + " in " + this + " must be an integer" + (min > 0 ? " >= " + min : ""));
  }

  /** The image shape asked for, when size and color are both given. */
  public ImageShape shapeOrNull() {
    int[] s = size();
    return s == null || channels() == 0 ? null : new ImageShape(s[0], s[1], channels());
  }

  /**
   * A name for run folders and the manifest: {@code <kind>-<file or folder name>}, lower-case
   * letters, digits and '-'.
   */
  public String shortName() {
    Path f = path.toAbsolutePath().normalize().getFileName();
    String base = f == null ? "root" : f.toString();
    base = base.replaceFirst("\\.(npz|csv)$", "");
    String s = (kind + "-" + base).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("-+$", "");
    return s.length() > 48 ? s.substring(0, 48).replaceAll("-+$", "") : s;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind).append(':').append(path);
    String sep = "?";
    for (Map.Entry<String, String> e : options.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = "&";
    }
    return sb.toString();
  }
}
