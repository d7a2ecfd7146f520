package io.tfjlab.data.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.catalog.BuiltInDatasets;
import io.tfjlab.data.catalog.DatasetCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subprocesses get fixed argument lists: a package name, data set name or path full of shell
 * characters reaches the program as one literal argument and runs nothing.
 */
class CommandsSafetyTest {
  @TempDir Path tmp;

  static final String HOSTILE =
      "x; touch pwned1 && touch pwned2 | touch pwned3 $(touch pwned4) `touch pwned5` > pwned6 '\"";

  @Test
  void shellCharactersInAnArgumentAreOneLiteralArgument() throws Exception {
    String out = Commands.run(tmp, List.of("printf", "[%s]", HOSTILE));
    assertThat(out).isEqualTo("[" + HOSTILE + "]");
    assertThat(pwned()).isEmpty();
  }

  @Test
  void aHostileCommandNameIsNotRunThroughAShell() {
    assertThatThrownBy(() -> Commands.run(tmp, List.of("npm; touch pwned7", "pack")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not available");
    assertThat(tmp.resolve("pwned7")).doesNotExist();
  }

  @Test
  void aHostileDatasetNameIsUnknownAndAHostileFromPathIsJustAPath() throws Exception {
    DatasetCatalog catalog =
        new DatasetCatalog(
            Map.of("mnist", BuiltInDatasets.mnist()),
            new DatasetStore(tmp.resolve("cache"), Optional.empty(), System.out));
    assertThatThrownBy(() -> catalog.fetch(HOSTILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown data set");
    Path odd = Files.createDirectories(tmp.resolve("dir $(touch pwned8); `touch pwned9`"));
    assertThat(new DirectorySource(odd).provide(List.of(), tmp)).isEqualTo(odd);
    assertThat(pwned()).isEmpty();
  }

  @Test
  void noShellIsStartedAnywhereInTheMainSources() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> offenders =
          s.filter(p -> p.toString().contains("/src/main/") && p.toString().endsWith(".java"))
              .filter(CommandsSafetyTest::startsAShell)
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  private static boolean startsAShell(Path source) {
    try {
      String text = Files.readString(source);
      return text.contains("Runtime.getRuntime().exec")
          || text.matches("(?s).*\"(/bin/)?(ba)?sh\"\\s*,\\s*\"-c\".*");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Path> pwned() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("pwned")).toList();
    }
  }
}
