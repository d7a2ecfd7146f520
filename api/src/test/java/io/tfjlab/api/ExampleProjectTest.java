package io.tfjlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * examples/java-api is built against this build's version by the invoker; standalone, its own
 * default must match.
 */
class ExampleProjectTest {
  @Test
  void theExamplesDefaultTfjlabVersionIsThisBuildsVersion() throws Exception {
    String pom = Files.readString(Path.of(System.getProperty("tfjlab.examplePom")));
    Matcher m = Pattern.compile("<tfjlab.version>([^<]+)</tfjlab.version>").matcher(pom);
    assertThat(m.find()).as("examples/java-api/pom.xml defines tfjlab.version").isTrue();
    assertThat(m.group(1))
        .as("update tfjlab.version in examples/java-api/pom.xml")
        .isEqualTo(System.getProperty("tfjlab.version"));
  }
}
