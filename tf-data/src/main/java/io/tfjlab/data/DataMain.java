package io.tfjlab.data;

import io.tfjlab.data.cli.CommandLines;
import io.tfjlab.data.cli.DataCommand;

/**
 * tf-data on its own: {@code mvn -q -pl tf-data exec:java -Dexec.args="info mnist"}. The same
 * {@link DataCommand} serves {@code ./tfjlab data ...}.
 */
public final class DataMain {
  private DataMain() {}

  public static void main(String[] args) {
    int code = CommandLines.create(new DataCommand()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
