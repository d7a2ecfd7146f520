package io.tfjlab.training.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.training.testsupport.RunSnapshot.TensorStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Golden files of short training runs, under {@code src/test/resources/golden/histories/<family>/}:
 * {@code history.csv} and {@code results.json} (without wall time) and {@code fingerprint.json}
 * (the machine's {@link IsaClass}, SHA-256 of the history, the results and every checkpoint tensor,
 * and per-tensor sums, sums of squares and first values).
 *
 * <p>On a machine of the golden's ISA class the run must match bit for bit (the SHA-256s); on
 * another class oneDNN and Eigen may round differently, so the numbers must agree within a relative
 * {@value #RELATIVE_TOLERANCE}. {@code -Dgolden.update=true} rewrites the files instead; without it
 * a missing golden file fails.
 */
public final class GoldenRuns {
  /** The relative tolerance across ISA classes. */
  public static final double RELATIVE_TOLERANCE = 1e-4;

  /**
   * Differences up to this size count as none across ISA classes (a sum of n values: this times
   * √n): weights that theory keeps at 0 (a bias in front of a batch norm, whose gradient is 0) hold
   * float rounding noise of about 1e-9.
   */
  public static final double ABSOLUTE_FLOOR = 1e-7;

  /** The system property that rewrites the goldens (passed through by surefire). */
  public static final String UPDATE_PROPERTY = "golden.update";

  static final String HISTORY = "history.csv";
  static final String RESULTS = "results.json";
  static final String FINGERPRINT = "fingerprint.json";
  private static final int MAX_REPORTED = 8;

  /**
   * What the tolerance branch holds to {@value #RELATIVE_TOLERANCE}: the history and the results
   * always; the checkpoint tensors' numbers too unless a model family's tensors are known to move
   * more than that between ISA classes (then only their names, types and shapes, and the reason is
   * in the message).
   */
  public record CrossIsa(boolean tensorValues, String reason) {
    public static final CrossIsa EVERYTHING = new CrossIsa(true, "");

    public static CrossIsa historyAndResultsOnly(String reason) {
      return new CrossIsa(false, reason);
    }
  }

  /** What {@code fingerprint.json} holds. */
  public record Fingerprint(
      String isaClass,
      String historySha256,
      String resultsSha256,
      String variablesSha256,
      List<TensorStats> variables) {}

  private GoldenRuns() {}

  /** The goldens' root in the module's source tree (surefire runs tests in the module folder). */
  public static Path root() {
    return Path.of(System.getProperty("basedir", ""))
        .toAbsolutePath()
        .resolve("src/test/resources/golden/histories");
  }

  /**
   * Checks {@code actual} against the golden files of {@code family} (or rewrites them with
   * -Dgolden.update=true).
   */
  public static void check(String family, RunSnapshot actual) {
    check(family, actual, CrossIsa.EVERYTHING);
  }

  /** {@link #check(String, RunSnapshot)}, holding the tolerance branch to {@code crossIsa}. */
  public static void check(String family, RunSnapshot actual, CrossIsa crossIsa) {
    check(
        root().resolve(family),
        actual,
        IsaClass.current(),
        Boolean.getBoolean(UPDATE_PROPERTY),
        crossIsa);
  }

  static void check(Path dir, RunSnapshot actual, String isa, boolean update, CrossIsa crossIsa) {
    if (update) {
      write(dir, actual, isa);
      System.out.println("golden files written: " + dir);
      return;
    }
    Path fingerprintFile = dir.resolve(FINGERPRINT);
    if (!Files.isRegularFile(fingerprintFile)) {
      throw new AssertionError(
          "no golden file "
              + fingerprintFile
              + "; create it with mvn -B -pl tf-training -am "
              + "verify -Dtest=GoldenHistoriesTest -Dsurefire.failIfNoSpecifiedTests=false -D"
              + UPDATE_PROPERTY
              + "=true and commit it");
    }
    Fingerprint golden = read(fingerprintFile);
    String history = readString(dir.resolve(HISTORY));
    ObjectNode results = readResults(dir.resolve(RESULTS));
    Comparison c = new Comparison();
    String branch;
    if (golden.isaClass().equals(isa)) {
      branch = "exact branch: this machine's ISA class matches the golden's [" + isa + "]";
      c.exactly(golden, history, results, actual);
    } else {
      branch =
          "tolerance branch (relative "
              + RELATIVE_TOLERANCE
              + "): this machine's ISA class ["
              + isa
              + "] differs from the golden's ["
              + golden.isaClass()
              + "]";
      c.approximately(golden, history, results, actual, crossIsa.tensorValues());
      if (!crossIsa.tensorValues()) {
        branch += "; checkpoint tensors by name, type and shape only, as " + crossIsa.reason();
      }
      boolean bitIdentical =
          golden.historySha256().equals(actual.historySha256())
              && golden.variablesSha256().equals(actual.variablesSha256());
      branch +=
          bitIdentical
              ? "; bit-identical anyway"
              : String.format(
                  Locale.ROOT, "; largest relative difference %.2g (%s)", c.worst, c.worstWhat);
    }
    if (!c.problems.isEmpty()) {
      throw new AssertionError(
          "golden "
              + dir.getFileName()
              + ", "
              + branch
              + ": "
              + c.problems.size()
              + " difference(s); if the change is intended, rewrite with -D"
              + UPDATE_PROPERTY
              + "=true"
              + threadPoolNote()
              + "\n  "
              + c.problems.stream().limit(MAX_REPORTED).collect(Collectors.joining("\n  "))
              + (c.problems.size() > MAX_REPORTED ? "\n  ..." : ""));
    }
    System.out.println("golden " + dir.getFileName() + " matches (" + branch + ")");
  }

  /**
   * TensorFlow sizes one intra-op pool per process from the first session's options unless {@value
   * #PER_SESSION_POOLS} is set (tf-training's surefire sets it): then a session opened earlier with
   * other threads changes the last bits of a one-thread run.
   */
  static final String PER_SESSION_POOLS = "TF_OVERRIDE_GLOBAL_THREADPOOL";

  private static String threadPoolNote() {
    String v = System.getenv(PER_SESSION_POOLS);
    return "1".equals(v) || "true".equalsIgnoreCase(v)
        ? ""
        : " (note: "
            + PER_SESSION_POOLS
            + " is not 1, so this "
            + "process's TensorFlow threads are those of its first session, maybe not 1; run through Maven)";
  }

  /** The differences found, and the largest relative one within tolerance. */
  static final class Comparison {
    final List<String> problems = new ArrayList<>();
    double worst;
    String worstWhat = "none";

    void exactly(Fingerprint golden, String history, ObjectNode results, RunSnapshot actual) {
      if (!golden.historySha256().equals(actual.historySha256())
          || !history.equals(actual.history())) {
        List<String> want = history.lines().toList();
        List<String> got = actual.history().lines().toList();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
          String w = i < want.size() ? want.get(i) : "(none)";
          String g = i < got.size() ? got.get(i) : "(none)";
          if (!w.equals(g)) {
            problems.add("history.csv line " + (i + 1) + ": expected " + w + " but was " + g);
          }
        }
      }
      if (!golden.resultsSha256().equals(actual.resultsSha256())
          || !results.equals(actual.results())) {
        json(results, actual.results(), false);
      }
      if (!golden.variablesSha256().equals(actual.variablesSha256())) {
        int before = problems.size();
        Map<String, TensorStats> got = byName(actual.variables());
        names(byName(golden.variables()), got);
        for (TensorStats w : golden.variables()) {
          TensorStats g = got.get(w.name());
          if (g != null && !(w.sha256().equals(g.sha256()) && w.shape().equals(g.shape()))) {
            problems.add(
                String.format(
                    Locale.ROOT,
                    "tensor %s %s: SHA-256 differs (sum %.9g, expected %.9g; "
                        + "sum of squares %.9g, expected %.9g)",
                    w.name(),
                    g.shape(),
                    g.sum(),
                    w.sum(),
                    g.sumSquares(),
                    w.sumSquares()));
          }
        }
        if (problems.size() == before) {
          problems.add("variables SHA-256 differs");
        }
      }
    }

    void approximately(
        Fingerprint golden,
        String history,
        ObjectNode results,
        RunSnapshot actual,
        boolean tensorValues) {
      List<String> want = history.lines().toList();
      List<String> got = actual.history().lines().toList();
      if (want.size() != got.size()) {
        problems.add("history.csv has " + got.size() + " lines, expected " + want.size());
      }
      String[] header = want.isEmpty() ? new String[0] : want.get(0).split(",", -1);
      for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
        String[] w = want.get(i).split(",", -1);
        String[] g = got.get(i).split(",", -1);
        if (w.length != g.length) {
          problems.add(
              "history.csv line "
                  + (i + 1)
                  + ": expected "
                  + want.get(i)
                  + " but was "
                  + got.get(i));
          continue;
        }
        for (int k = 0; k < w.length; k++) {
          String what =
              "history.csv line "
                  + (i + 1)
                  + " "
                  + (k < header.length ? header[k] : "column " + (k + 1));
          if (!w[k].equals(g[k])) {
            try {
              number(what, Double.parseDouble(w[k]), Double.parseDouble(g[k]), 0, ABSOLUTE_FLOOR);
            } catch (NumberFormatException e) {
              problems.add(what + ": expected " + w[k] + " but was " + g[k]);
            }
          }
        }
      }
      json(results, actual.results(), true);
      Map<String, TensorStats> gotVars = byName(actual.variables());
      names(byName(golden.variables()), gotVars);
      for (TensorStats w : golden.variables()) {
        TensorStats g = gotVars.get(w.name());
        if (g == null) {
          continue;
        }
        if (!w.shape().equals(g.shape()) || !w.dtype().equals(g.dtype())) {
          problems.add(
              "tensor "
                  + w.name()
                  + ": "
                  + g.dtype()
                  + " "
                  + g.shape()
                  + ", expected "
                  + w.dtype()
                  + " "
                  + w.shape());
          continue;
        }
        if (!tensorValues) {
          continue;
        }
        double rms = Math.sqrt(w.sumSquares() / Math.max(1, w.size()));
        // per-value errors of relative size ε add up to at most ε·Σ|v| ≤ ε·√(n·Σv²); values of
        // noise
        // size (below the floor) add up like random ones, to about floor·√n
        double n = w.size();
        number(
            w.name() + " sum",
            w.sum(),
            g.sum(),
            Math.sqrt(n * w.sumSquares()),
            ABSOLUTE_FLOOR * Math.sqrt(n));
        number(
            w.name() + " sum of squares",
            w.sumSquares(),
            g.sumSquares(),
            0,
            ABSOLUTE_FLOOR * ABSOLUTE_FLOOR * n);
        for (int i = 0; i < Math.min(w.first().size(), g.first().size()); i++) {
          number(w.name() + " value " + i, w.first().get(i), g.first().get(i), rms, ABSOLUTE_FLOOR);
        }
      }
    }

    private void json(ObjectNode want, ObjectNode got, boolean approximately) {
      TreeSet<String> fields = new TreeSet<>();
      want.fieldNames().forEachRemaining(fields::add);
      got.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        JsonNode w = want.get(f);
        JsonNode g = got.get(f);
        if (approximately && w != null && g != null && w.isNumber() && g.isNumber()) {
          number("results.json " + f, w.asDouble(), g.asDouble(), 0, ABSOLUTE_FLOOR);
        } else if (w == null || !w.equals(g)) {
          problems.add("results.json " + f + ": expected " + w + " but was " + g);
        }
      }
    }

    /**
     * Agree within the relative tolerance of the larger magnitude (or of {@code scale}, when that
     * is larger), or differ by at most {@code floor}.
     */
    void number(String what, double want, double got, double scale, double floor) {
      double diff = Math.abs(want - got);
      if (diff <= floor) {
        return;
      }
      double relative = diff / Math.max(Math.max(Math.abs(want), Math.abs(got)), scale);
      if (relative > RELATIVE_TOLERANCE || Double.isNaN(relative)) {
        problems.add(
            String.format(
                Locale.ROOT,
                "%s: expected %.9g but was %.9g (relative difference %.2g)",
                what,
                want,
                got,
                relative));
      } else if (relative > worst) {
        worst = relative;
        worstWhat = what;
      }
    }

    private void names(Map<String, TensorStats> want, Map<String, TensorStats> got) {
      TreeSet<String> missing = new TreeSet<>(want.keySet());
      missing.removeAll(got.keySet());
      TreeSet<String> extra = new TreeSet<>(got.keySet());
      extra.removeAll(want.keySet());
      if (!missing.isEmpty()) {
        problems.add("checkpoint tensors missing: " + missing);
      }
      if (!extra.isEmpty()) {
        problems.add("checkpoint tensors not in the golden: " + extra);
      }
    }
  }

  private static Map<String, TensorStats> byName(List<TensorStats> stats) {
    return stats.stream()
        .collect(
            Collectors.toMap(
                TensorStats::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  static void write(Path dir, RunSnapshot actual, String isa) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(HISTORY), actual.history(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(RESULTS), actual.resultsText(), StandardCharsets.UTF_8);
      Fingerprint f =
          new Fingerprint(
              isa,
              actual.historySha256(),
              actual.resultsSha256(),
              actual.variablesSha256(),
              actual.variables());
      Files.writeString(
          dir.resolve(FINGERPRINT),
          RunSnapshot.MAPPER.writeValueAsString(f) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write golden files in " + dir + ": " + e.getMessage(), e);
    }
  }

  static Fingerprint read(Path file) {
    try {
      return RunSnapshot.MAPPER.readValue(file.toFile(), Fingerprint.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode readResults(Path file) {
    try {
      return (ObjectNode) RunSnapshot.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden " + file + ": " + e.getMessage(), e);
    }
  }
}
