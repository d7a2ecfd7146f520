package io.tfjlab.training.run;

import io.tfjlab.training.RunSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of a run ({@code manifest.json}): the resolved spec, seeds, library versions, data
 * checksums and splits, host, and timings, and for each spec value that is not a built-in default
 * the layer that set it ({@code provenance}: path → layer, see {@link
 * io.tfjlab.training.spec.SpecResolver}). A run can be replayed from it: its spec is a spec file.
 */
public record Manifest(
    String run,
    String status,
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = ReplayableSpecSerializer.class)
        RunSpec spec,
    Map<String, String> versions,
    DataRecord data,
    String host,
    String started,
    String finished,
    Map<String, Double> phaseSeconds,
    String command,
    Map<String, String> provenance,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<Resume> resumes) {

  public Manifest {
    versions = new LinkedHashMap<>(versions);
    phaseSeconds = new LinkedHashMap<>(phaseSeconds);
    // runs recorded before provenance existed read back without it
    provenance = provenance == null ? Map.of() : new java.util.TreeMap<>(provenance);
    // a run never resumed writes no "resumes" field (so its manifest is as before resumes existed)
    resumes = resumes == null ? List.of() : List.copyOf(resumes);
  }

  /** A manifest of a run never resumed. */
  public Manifest(
      String run,
      String status,
      RunSpec spec,
      Map<String, String> versions,
      DataRecord data,
      String host,
      String started,
      String finished,
      Map<String, Double> phaseSeconds,
      String command,
      Map<String, String> provenance) {
    this(
        run,
        status,
        spec,
        versions,
        data,
        host,
        started,
        finished,
        phaseSeconds,
        command,
        provenance,
        List.of());
  }

  /**
   * One resume of the run ({@code train --resume}, a comparison picking it up, a retried cluster
   * task): when, where, and the checkpoint it started from.
   *
   * @param at the time the resume started (ISO-8601)
   * @param host the machine that resumed it
   * @param phase the checkpoint's phase (0-based)
   * @param epoch epochs of that phase the checkpoint had finished
   * @param step the global training step of the checkpoint
   */
  public record Resume(String at, String host, int phase, int epoch, long step) {}

  /** The same manifest with one more resume recorded. */
  public Manifest withResume(Resume r) {
    List<Resume> all = new java.util.ArrayList<>(resumes);
    all.add(r);
    return new Manifest(
        run,
        status,
        spec,
        versions,
        data,
        host,
        started,
        finished,
        phaseSeconds,
        command,
        provenance,
        all);
  }

  /**
   * @param dataset data set name
   * @param checksums SHA-256 of the decoded data files
   * @param trainImages images used for training (labeled or not)
   * @param validationImages held-out images used to pick the best epoch (their labels are used for
   *     that)
   * @param labeledImages training images whose labels training used
   * @param labeledDigest SHA-256 over the labeled indices (labeled-indices.json lists them)
   * @param validationDigest SHA-256 over the validation indices
   * @param testImages size of the test set, read once at the end (-1 until then)
   * @param classNames the data set's class names, in label order (from the folders of an image
   *     folder; absent in runs recorded before they were)
   */
  public record DataRecord(
      String dataset,
      Map<String, String> checksums,
      int trainImages,
      int validationImages,
      int labeledImages,
      String labeledDigest,
      String validationDigest,
      int testImages,
      List<String> classNames) {}

  /** The same manifest once the test set has been read: its size recorded. */
  public Manifest withTestImages(int n) {
    DataRecord d =
        new DataRecord(
            data.dataset(),
            data.checksums(),
            data.trainImages(),
            data.validationImages(),
            data.labeledImages(),
            data.labeledDigest(),
            data.validationDigest(),
            n,
            data.classNames());
    return new Manifest(
        run,
        status,
        spec,
        versions,
        d,
        host,
        started,
        finished,
        phaseSeconds,
        command,
        provenance,
        resumes);
  }

  public Manifest withStatus(String s, String end, Map<String, Double> seconds) {
    return new Manifest(
        run, s, spec, versions, data, host, started, end, seconds, command, provenance, resumes);
  }

  /**
   * Reads a run's manifest: refused in one line when a newer tfjlab wrote it (a higher {@code
   * versions."run-format"}, or fields this version does not know), or when it is not JSON.
   */
  public static Manifest read(java.nio.file.Path file) {
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          file + " is not a readable manifest (" + Json.firstLine(e.getMessage()) + ")", e);
    }
    String newer =
        " was written by a newer tfjlab; open the run with that version (this one reads run format "
            + io.tfjlab.runs.RunLayout.FORMAT
            + ")";
    com.fasterxml.jackson.databind.JsonNode format =
        tree.path("versions").path(io.tfjlab.runs.RunLayout.FORMAT_KEY);
    if (!format.isMissingNode()) {
      int f;
      try {
        f = Integer.parseInt(format.asText());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + ": versions.run-format must be a whole number, got " + format, e);
      }
      if (f > io.tfjlab.runs.RunLayout.FORMAT) {
        throw new IllegalArgumentException(file + " (run format " + f + ")" + newer);
      }
    }
    try {
      return Json.MAPPER.treeToValue(tree, Manifest.class);
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          file
              + " has a field this tfjlab does not know, \""
              + e.getPropertyName()
              + "\": it"
              + newer,
          e);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + Json.firstLine(e.getMessage()), e);
    }
  }

  /** The versions entry holding {@link CodeDigest#current()}. */
  public static final String CODE_KEY = "tfjlab-code";

  /** This machine's host name, or "unknown". */
  public static String currentHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** This machine's operating system: name, version and architecture. */
  public static String currentOs() {
    return System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch");
  }

  /** tfjlab (version and code digest), TensorFlow, Java and OS versions, cores. */
  public static Map<String, String> currentVersions() {
    Map<String, String> v = new LinkedHashMap<>();
    String tfjlab = Manifest.class.getPackage().getImplementationVersion();
    v.put("tfjlab", tfjlab == null ? "0.1.0-SNAPSHOT" : tfjlab);
    v.put(io.tfjlab.runs.RunLayout.FORMAT_KEY, Integer.toString(io.tfjlab.runs.RunLayout.FORMAT));
    // the classes and data files that decide the numbers: the run ledger reuses only runs of the
    // same code
    v.put(CODE_KEY, CodeDigest.current());
    v.put("tensorflow", org.tensorflow.TensorFlow.version());
    v.put("tensorflow-java", "1.1.0");
    v.put(
        "java",
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    v.put("os", currentOs());
    v.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    return v;
  }
}
