package io.tfjlab.notebooks;

import java.util.List;
import java.util.Objects;

/** One notebook cell: Markdown text, or Python code with the outputs stored alongside it. */
public sealed interface Cell permits Cell.Markdown, Cell.Code {

  /** The cell's id (nbformat 4.5: 1 to 64 of {@code [a-zA-Z0-9-_]}). */
  String id();

  /** The cell's source as one string; the writer stores it as a list of lines. */
  String source();

  /** A Markdown cell. */
  record Markdown(String id, String source) implements Cell {
    /** Checks the id and source. */
    public Markdown {
      checkId(id);
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * A code cell; {@code executionCount} is null for a cell that was never run (its outputs were
   * stored by the writer, as for embedded figures).
   */
  record Code(String id, String source, List<Output> outputs, Integer executionCount)
      implements Cell {
    /** Checks the id and source and copies the outputs. */
    public Code {
      checkId(id);
      Objects.requireNonNull(source, "source");
      outputs = List.copyOf(outputs);
    }
  }

  private static void checkId(String id) {
    if (id == null || !id.matches("[a-zA-Z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "bad cell id '" + id + "': 1 to 64 of letters, digits, '-' and '_'");
    }
  }
}
