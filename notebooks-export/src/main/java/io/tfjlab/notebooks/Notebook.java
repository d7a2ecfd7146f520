package io.tfjlab.notebooks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Jupyter notebook (nbformat 4.5) for a Python 3 kernel: an ordered list of cells with unique
 * ids. Build one with {@link NotebookBuilder}, write it with {@link NotebookWriter}.
 */
public record Notebook(List<Cell> cells) {
  /** The nbformat major version written. */
  public static final int NBFORMAT = 4;

  /** The nbformat minor version written (4.5: cells have ids). */
  public static final int NBFORMAT_MINOR = 5;

  /** Copies the cells and checks their ids are unique. */
  public Notebook {
    cells = List.copyOf(cells);
    Set<String> ids = new HashSet<>();
    for (Cell c : cells) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("duplicate cell id " + c.id());
      }
    }
  }
}
