package io.tfjlab.notebooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes notebooks as nbformat 4.5 JSON the way Jupyter does (sorted keys, one-space indent,
 * sources as lists of lines), so the same notebook always gives the same bytes. Files are written
 * atomically: to a temporary file in the target folder, then moved over the target.
 */
public final class NotebookWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter JSON = new ObjectMapper().writer(prettyPrinter());

  private NotebookWriter() {}

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** The notebook as JSON text, ending with a newline. */
  public static String toJson(Notebook notebook) {
    ObjectNode root = NODES.objectNode();
    ArrayNode cells = root.putArray("cells");
    for (Cell cell : notebook.cells()) {
      cells.add(cell(cell));
    }
    ObjectNode metadata = root.putObject("metadata");
    ObjectNode kernel = metadata.putObject("kernelspec");
    kernel.put("display_name", "Python 3");
    kernel.put("language", "python");
    kernel.put("name", "python3");
    ObjectNode language = metadata.putObject("language_info");
    language.put("file_extension", ".py");
    language.put("mimetype", "text/x-python");
    language.put("name", "python");
    root.put("nbformat", Notebook.NBFORMAT);
    root.put("nbformat_minor", Notebook.NBFORMAT_MINOR);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise notebook: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the notebook to {@code target} atomically; on any error the target is unchanged and no
   * temporary file is left behind.
   */
  public static void write(Notebook notebook, Path target) throws IOException {
    byte[] bytes = toJson(notebook).getBytes(StandardCharsets.UTF_8);
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    boolean moved = false;
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static ObjectNode cell(Cell cell) {
    ObjectNode node = NODES.objectNode();
    if (cell instanceof Cell.Markdown md) {
      node.put("cell_type", "markdown");
      node.put("id", md.id());
      node.putObject("metadata");
      node.set("source", lines(md.source()));
    } else if (cell instanceof Cell.Code code) {
      node.put("cell_type", "code");
      if (code.executionCount() == null) {
        node.putNull("execution_count");
      } else {
        node.put("execution_count", code.executionCount());
      }
      node.put("id", code.id());
      node.putObject("metadata");
      ArrayNode outputs = node.putArray("outputs");
      for (Output o : code.outputs()) {
        outputs.add(output(o));
      }
      node.set("source", lines(code.source()));
    }
    return node;
  }

  private static ObjectNode output(Output output) {
    ObjectNode node = NODES.objectNode();
    if (output instanceof Output.DisplayData d) {
      ObjectNode data = node.putObject("data");
      if (d.pngBase64() != null) {
        data.put("image/png", d.pngBase64());
      }
      data.set("text/plain", lines(d.text()));
      node.putObject("metadata");
      node.put("output_type", "display_data");
    } else if (output instanceof Output.Stream s) {
      node.put("name", s.name());
      node.put("output_type", "stream");
      node.set("text", lines(s.text()));
    } else if (output instanceof Output.ExecuteResult r) {
      node.putObject("data").set("text/plain", lines(r.text()));
      node.put("execution_count", r.executionCount());
      node.putObject("metadata");
      node.put("output_type", "execute_result");
    }
    return node;
  }

  /** Splits text into lines keeping each line's '\n', as Jupyter stores multi-line strings. */
  static ArrayNode lines(String text) {
    ArrayNode array = NODES.arrayNode();
    for (String line : splitLines(text)) {
      array.add(line);
    }
    return array;
  }

  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
