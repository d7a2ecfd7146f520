package io.tfjlab.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A run's {@code history.csv}: one row per epoch, columns read by header name so unknown columns
 * (such as a GAN's {@code g_loss}) are kept and missing ones tolerated.
 */
public record History(List<String> columns, List<List<String>> rows) {

  /** Copies the columns and rows. */
  public History {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** Reads {@code file}; empty if it does not exist. */
  public static Optional<History> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty()) {
      return Optional.of(new History(List.of(), List.of()));
    }
    List<String> header = split(lines.get(0));
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = new ArrayList<>(split(line));
      while (cells.size() < header.size()) {
        cells.add("");
      }
      rows.add(cells.subList(0, header.size()));
    }
    return Optional.of(new History(header, rows));
  }

  private static List<String> split(String line) {
    return Arrays.stream(line.split(",", -1)).map(String::strip).toList();
  }

  /** The value of {@code column} in row {@code row}, "" when the column is absent. */
  public String get(int row, String column) {
    int i = columns.indexOf(column);
    return i < 0 ? "" : rows.get(row).get(i);
  }

  /** True if some row has a non-empty value in {@code column}. */
  public boolean hasValues(String column) {
    int i = columns.indexOf(column);
    return i >= 0 && rows.stream().anyMatch(r -> !r.get(i).isEmpty());
  }
}
