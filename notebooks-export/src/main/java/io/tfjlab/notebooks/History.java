package io.tfjlab.notebooks;

import io.tfjlab.runs.HistoryCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's {@code history.csv} ({@link HistoryCsv}): one row per epoch, columns read by header name
 * so that columns this version does not know are kept and missing ones tolerated; a short row (an
 * interrupted write) is padded with empty cells.
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
    HistoryCsv.Table table = HistoryCsv.read(file);
    List<String> header = table.columns();
    List<List<String>> rows = new ArrayList<>();
    for (List<String> row : table.rows()) {
      List<String> cells = new ArrayList<>(row);
      while (cells.size() < header.size()) {
        cells.add("");
      }
      rows.add(cells.subList(0, header.size()));
    }
    return Optional.of(new History(header, rows));
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
