package io.tfjlab.training.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a finished run folder says, without wall time: {@code history.csv} without its time columns,
 * {@code results.json} without its time fields, and a fingerprint of every tensor of a checkpoint
 * (variables, optimiser slots, weight averages).
 *
 * @param history the history's text without columns whose name ends in "seconds"
 * @param results results.json without fields whose name ends in "seconds"/"Seconds", keys sorted
 * @param variables one fingerprint per checkpoint tensor, by name
 */
public record RunSnapshot(String history, ObjectNode results, List<TensorStats> variables) {
  /** How many leading values of each tensor are kept. */
  public static final int FIRST_VALUES = 4;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * One checkpoint tensor in numbers: the SHA-256 of its raw bytes, and statistics that survive
   * last-bit rounding differences between machines.
   */
  public record TensorStats(
      String name,
      String dtype,
      List<Long> shape,
      String sha256,
      double sum,
      double sumSquares,
      List<Double> first) {
    static TensorStats of(CheckpointTensors.Entry e) {
      double sum = 0;
      double squares = 0;
      List<Double> first = new ArrayList<>();
      if (e.dtype() == org.tensorflow.proto.DataType.DT_FLOAT) {
        float[] v = e.floats();
        for (int i = 0; i < v.length; i++) {
          sum += v[i];
          squares += (double) v[i] * v[i];
          if (i < FIRST_VALUES) {
            first.add((double) v[i]);
          }
        }
      }
      return new TensorStats(
          e.name(),
          e.dtype().name(),
          Arrays.stream(e.shape()).boxed().toList(),
          RunSnapshot.sha256(e.bytes()),
          sum,
          squares,
          first);
    }

    /** Number of values. */
    public long size() {
      return shape.stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
    }
  }

  /**
   * The snapshot of a run folder, its tensors read from checkpoint {@code checkpoint} (best or
   * last).
   */
  public static RunSnapshot of(Path run, String checkpoint) {
    return new RunSnapshot(
        history(run.resolve("history.csv")),
        results(run.resolve("results.json")),
        tensors(run.resolve("checkpoints").resolve(checkpoint).resolve("model")));
  }

  /** The history without wall-time columns (names ending in "seconds"). */
  public static String history(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      List<String> header = List.of(lines.get(0).split(",", -1));
      StringBuilder out = new StringBuilder();
      for (String line : lines) {
        String[] cells = line.split(",", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
          if (!isWallTime(header.get(i))) {
            kept.add(cells[i]);
          }
        }
        out.append(String.join(",", kept)).append('\n');
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
  }

  /** results.json without wall-time fields, keys sorted. */
  public static ObjectNode results(Path json) {
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(json.toFile());
      ObjectNode sorted = MAPPER.createObjectNode();
      Map<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!isWallTime(f.getKey())) {
          fields.put(f.getKey(), f.getValue());
        }
      }
      fields.forEach(sorted::set);
      return sorted;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + json, e);
    }
  }

  /** Fingerprints of every tensor of the checkpoint with this prefix, by name. */
  public static List<TensorStats> tensors(Path prefix) {
    return CheckpointTensors.read(prefix).values().stream().map(TensorStats::of).toList();
  }

  static boolean isWallTime(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith("seconds");
  }

  public String historySha256() {
    return sha256(history.getBytes(StandardCharsets.UTF_8));
  }

  public String resultsText() {
    try {
      return MAPPER.writeValueAsString(results) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String resultsSha256() {
    return sha256(resultsText().getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 over every tensor's name, shape and the SHA-256 of its bytes, in name order. */
  public String variablesSha256() {
    StringBuilder b = new StringBuilder();
    variables.forEach(
        v ->
            b.append(v.name())
                .append(' ')
                .append(v.shape())
                .append(' ')
                .append(v.sha256())
                .append('\n'));
    return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
