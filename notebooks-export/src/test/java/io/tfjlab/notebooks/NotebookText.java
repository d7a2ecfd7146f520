package io.tfjlab.notebooks;

import java.util.List;
import java.util.stream.Collectors;

/** Test helpers to look into a built notebook. */
final class NotebookText {
  private NotebookText() {}

  static String markdown(Notebook nb) {
    return nb.cells().stream()
        .filter(c -> c instanceof Cell.Markdown)
        .map(Cell::source)
        .collect(Collectors.joining("\n"));
  }

  static List<Cell.Code> code(Notebook nb) {
    return nb.cells().stream().filter(c -> c instanceof Cell.Code).map(c -> (Cell.Code) c).toList();
  }

  static List<Cell.Code> figures(Notebook nb) {
    return code(nb).stream().filter(c -> c.source().contains("IPython.display")).toList();
  }
}
