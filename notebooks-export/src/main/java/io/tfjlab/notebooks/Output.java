package io.tfjlab.notebooks;

import java.util.Objects;

/** One stored output of a code cell, as nbformat 4 knows them. */
public sealed interface Output permits Output.DisplayData, Output.Stream, Output.ExecuteResult {

  /**
   * A {@code display_data} output: a PNG image (base64, may be null for text only) and its {@code
   * text/plain} alternative.
   */
  record DisplayData(String pngBase64, String text) implements Output {
    /** Checks the text. */
    public DisplayData {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A {@code stream} output: text printed to {@code stdout} or {@code stderr}. */
  record Stream(String name, String text) implements Output {
    /** Checks the stream name. */
    public Stream {
      if (!"stdout".equals(name) && !"stderr".equals(name)) {
        throw new IllegalArgumentException("stream name must be stdout or stderr, not " + name);
      }
      Objects.requireNonNull(text, "text");
    }
  }

  /** An {@code execute_result} output: the value of a cell's last expression as plain text. */
  record ExecuteResult(int executionCount, String text) implements Output {
    /** Checks the text. */
    public ExecuteResult {
      Objects.requireNonNull(text, "text");
    }
  }
}
