package io.tfjlab.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link Notebook} cell by cell. Cell ids are numbered in order ({@code cell-0001}, {@code
 * cell-0002}, ...) so the same calls always give the same notebook. Figures are embedded as stored
 * outputs and displayed from a path relative to the folder the notebook will be written to.
 */
public final class NotebookBuilder {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final Path notebookDir;
  private final List<Cell> cells = new ArrayList<>();

  /** A builder for a notebook that will be written into {@code notebookDir}. */
  public NotebookBuilder(Path notebookDir) {
    this.notebookDir = notebookDir.toAbsolutePath().normalize();
  }

  private String nextId() {
    return String.format(Locale.ROOT, "cell-%04d", cells.size() + 1);
  }

  /** Adds a Markdown cell. */
  public NotebookBuilder markdown(String source) {
    cells.add(new Cell.Markdown(nextId(), source));
    return this;
  }

  /** Adds a code cell that has not been run (no outputs). */
  public NotebookBuilder code(String source) {
    return code(source, List.of());
  }

  /** Adds a code cell with stored outputs. */
  public NotebookBuilder code(String source, List<Output> outputs) {
    cells.add(new Cell.Code(nextId(), source, outputs, null));
    return this;
  }

  /**
   * Adds a code cell that displays {@code png} with IPython, its output already holding the image
   * so the figure shows without running the notebook.
   *
   * @throws IllegalArgumentException if the file is missing or not a PNG
   */
  public NotebookBuilder figure(String caption, Path png) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(png);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read figure " + png + ": " + e.getMessage(), e);
    }
    if (bytes.length < PNG_SIGNATURE.length
        || !Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
      throw new IllegalArgumentException("not a PNG image: " + png);
    }
    String source =
        "# "
            + caption.replace('\n', ' ')
            + "\n"
            + "from IPython.display import Image, display\n"
            + "display(Image(filename="
            + Python.string(relative(png))
            + "))";
    String base64 = Base64.getEncoder().encodeToString(bytes);
    return code(source, List.of(new Output.DisplayData(base64, caption)));
  }

  /** Adds a Markdown cell holding a table (see {@link Markdown#table}). */
  public NotebookBuilder table(List<String> headers, List<List<String>> rows) {
    return markdown(Markdown.table(headers, rows));
  }

  /** The path of {@code file} relative to the notebook's folder, with '/' separators. */
  public String relative(Path file) {
    return Paths.relative(notebookDir, file);
  }

  /** The notebook built so far. */
  public Notebook build() {
    return new Notebook(cells);
  }

  /** Utility: relative paths with forward slashes, absolute when no relative path exists. */
  static final class Paths {
    private Paths() {}

    static String relative(Path fromDir, Path file) {
      Path abs = file.toAbsolutePath().normalize();
      Path rel;
      try {
        rel = fromDir.toAbsolutePath().normalize().relativize(abs);
      } catch (IllegalArgumentException e) {
        rel = abs;
      }
      String s = rel.toString().replace(java.io.File.separatorChar, '/');
      return s.isEmpty() ? "." : s;
    }
  }
}
