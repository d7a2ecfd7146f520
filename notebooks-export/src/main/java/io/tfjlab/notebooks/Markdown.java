package io.tfjlab.notebooks;

import java.util.List;

/** Markdown helpers: escaping text for tables and paragraphs, tables, fenced blocks. */
public final class Markdown {
  private Markdown() {}

  /**
   * Escapes text so Markdown shows it literally on one line: backslashes, pipes, emphasis, code and
   * link characters are backslash-escaped, {@code <} becomes {@code &lt;}, line breaks become
   * spaces.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '|', '*', '_', '`', '[', ']', '#' -> sb.append('\\').append(c);
        case '<' -> sb.append("&lt;");
        case '&' -> sb.append("&amp;");
        case '\r' -> {}
        case '\n' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A GitHub-flavoured Markdown table; every header and cell is {@linkplain #escape escaped}. Rows
   * shorter than the header are padded with empty cells.
   *
   * @throws IllegalArgumentException if there are no headers or a row is longer than the header
   */
  public static String table(List<String> headers, List<List<String>> rows) {
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    StringBuilder sb = new StringBuilder();
    appendRow(sb, headers, headers.size());
    sb.append('|');
    for (int i = 0; i < headers.size(); i++) {
      sb.append(" --- |");
    }
    sb.append('\n');
    for (List<String> row : rows) {
      if (row.size() > headers.size()) {
        throw new IllegalArgumentException(
            "table row has " + row.size() + " cells for " + headers.size() + " columns: " + row);
      }
      appendRow(sb, row, headers.size());
    }
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, List<String> cells, int width) {
    sb.append('|');
    for (int i = 0; i < width; i++) {
      sb.append(' ').append(i < cells.size() ? escape(cells.get(i)) : "").append(" |");
    }
    sb.append('\n');
  }

  /** A fenced code block whose fence is longer than any backtick run in the text. */
  public static String fenced(String language, String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    String body = text.endsWith("\n") ? text : text + "\n";
    return fence + (language == null ? "" : language) + "\n" + body + fence + "\n";
  }
}
