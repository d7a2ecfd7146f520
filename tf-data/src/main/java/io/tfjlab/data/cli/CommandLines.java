package io.tfjlab.data.cli;

import picocli.CommandLine;

/**
 * Shared picocli set-up for every tfjlab main: errors from bad input become one line on stderr (the
 * problem and the fix) and a non-zero exit, never a stack trace. {@code TFJLAB_DEBUG=1} prints the
 * stack trace too, as does the {@code --verbose} option of the {@code tfjlab} command (which sets
 * {@link #VERBOSE_PROPERTY}).
 */
public final class CommandLines {
  /** Exit code for bad input or an unavailable resource. */
  public static final int USER_ERROR = 2;

  /** Exit code for a failure while running. */
  public static final int RUN_ERROR = 1;

  /** System property that, set to {@code true}, prints the stack trace of an error. */
  public static final String VERBOSE_PROPERTY = "tfjlab.verbose";

  private CommandLines() {}

  public static CommandLine create(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
          boolean verbose =
              "1".equals(System.getenv("TFJLAB_DEBUG")) || Boolean.getBoolean(VERBOSE_PROPERTY);
          // TensorFlow's messages add lines such as "\t [[{{node save/Restore}}]]": not for users
          commandLine.getErr().println("error: " + (verbose ? msg : withoutNodeLines(msg)));
          if (verbose) {
            ex.printStackTrace(commandLine.getErr());
          }
          return ex instanceof IllegalArgumentException
                  || ex instanceof io.tfjlab.data.acquire.DatasetUnavailableException
                  || ex instanceof io.tfjlab.data.DataFormatException
              ? USER_ERROR
              : RUN_ERROR;
        });
    return cl;
  }

  /** {@code message} without TensorFlow's {@code [[{{node ...}}]]} lines (and blank lines). */
  static String withoutNodeLines(String message) {
    String kept =
        message
            .lines()
            .filter(l -> !l.isBlank() && !l.strip().startsWith("[[{{node"))
            .collect(java.util.stream.Collectors.joining(System.lineSeparator()));
    return kept.isEmpty() ? message.strip() : kept;
  }
}
