package io.tfjlab.cli;

import io.tfjlab.data.DataModule.DataOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a command that trains runs and writes a report keeps them: runs, reports, data, report
 * name.
 */
final class ReportOptions {
  @Option(names = "--name", description = "Report name, the folder under --reports-dir.")
  String name;

  @Option(
      names = "--runs-dir",
      defaultValue = "runs",
      description = "Run folders (default: ${DEFAULT-VALUE}).")
  Path runsDir;

  @Option(
      names = "--reports-dir",
      defaultValue = "reports",
      description = "Reports (default: ${DEFAULT-VALUE}).")
  Path reportsDir;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data set cache root.")
  Path dataDir;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description =
          "A folder that already holds a catalog data set's files (raw or compressed), for data sets"
              + " this machine cannot download (cifar10: data_batch_1.bin ... data_batch_5.bin and"
              + " test_batch.bin; usps: usps and usps.t); they are verified and cached.")
  Path from;

  /** reports/NAME, with --name or else {@code defaultName}; a name must be a plain folder name. */
  Path reportDir(String defaultName) {
    String n = name == null ? defaultName : name;
    if (!n.matches("[A-Za-z0-9._-]+") || n.equals(".") || n.equals("..")) {
      throw new IllegalArgumentException(
          "--name must be letters, digits, '.', '_' or '-', got '" + n + "'");
    }
    return reportsDir.resolve(n);
  }

  DataOptions data() {
    return new DataOptions(Optional.ofNullable(dataDir), Optional.ofNullable(from));
  }
}
