package io.tfjlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The --add-opens flags Spark needs on Java 17 are where they must be: Surefire and ./tfjlab. */
class SparkJvmOptionsTest {
  @Test
  void theTestJvmAndTheLauncherCarryEveryFlag() throws IOException {
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .containsAll(SparkJvmOptions.FLAGS);
    String launcher = Files.readString(Path.of("..", "tfjlab"));
    for (String flag : SparkJvmOptions.FLAGS) {
      assertThat(launcher).as(flag).contains(flag);
    }
  }
}
