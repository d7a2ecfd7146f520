package io.tfjlab.data.acquire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command with a time limit, turning any failure into a short IOException. */
final class Commands {
  private static final long TIMEOUT_MINUTES = 15;

  private Commands() {}

  static String run(Path workDir, List<String> command) throws IOException {
    // output goes to a file, so that waiting (with its time limit) never blocks on a full pipe
    Path log = Files.createTempFile(workDir, ".command-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Files.deleteIfExists(log);
      throw new IOException(
          "'" + command.get(0) + "' is not available (" + e.getMessage() + ")", e);
    }
    p.getOutputStream().close();
    try {
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(
            "'" + String.join(" ", command) + "' timed out after " + TIMEOUT_MINUTES + " minutes");
      }
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) {
        String last = text.isEmpty() ? "" : text.lines().reduce((a, b) -> b).orElse("");
        throw new IOException(
            "'"
                + String.join(" ", command)
                + "' exited with "
                + p.exitValue()
                + (last.isEmpty() ? "" : ": " + last));
      }
      return text;
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
