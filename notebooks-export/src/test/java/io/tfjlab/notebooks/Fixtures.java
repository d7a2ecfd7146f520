package io.tfjlab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.runs.ReportLayout;
import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run and report folders as tfjlab writes them: copies of real outputs, in {@code
 * src/test/resources/fixtures}. The cli module's RunFolderRoundTripTest made them (a small
 * comparison on synthetic digits: two MLP runs, one semi-supervised GAN run, one interrupted run),
 * and fails when what the code writes no longer has their structure; it writes them again with
 * {@code -Dtfjlab.writeFixtures=true}. Tests here assert some of their values.
 */
final class Fixtures {
  /** A finished MLP run: best checkpoint (epoch 6), test accuracy 84.00%, evaluation, figures. */
  static final String MLP = "mlp-synthetic-digits-100-1";

  /** The same MLP with label seed 2: test accuracy 84.50%. */
  static final String MLP_SEED_2 = "mlp-synthetic-digits-100-2";

  /**
   * An MLP run stopped after its first epoch: manifest (status running), summary, one history row,
   * no validation.
   */
  static final String INTERRUPTED = "mlp-synthetic-digits-100-3";

  /** A finished semi-supervised GAN run: last checkpoint, test accuracy 10.50%, a sample grid. */
  static final String SGAN = "sgan-synthetic-digits-100-1";

  /**
   * The comparison of the MLP (2 runs) and GAN (1 run) rows, made by its second pass (runs reused).
   */
  static final String REPORT = "fixture";

  /** What comparison.json's run paths start with in the fixture. */
  static final String RUNS_PLACEHOLDER = "${RUNS}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static Path root() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies fixture run {@code fixture} to {@code runsDir/fixture}. */
  static Path run(Path runsDir, String fixture) throws IOException {
    Path target = runsDir.resolve(fixture);
    copyTree(root().resolve("runs").resolve(fixture), target);
    return target;
  }

  /**
   * Copies the fixture report to {@code reportsDir/fixture} and its runs to {@code runsDir}, paths
   * pointing there.
   */
  static Path comparison(Path reportsDir, Path runsDir) throws IOException {
    for (String r : List.of(MLP, MLP_SEED_2, SGAN)) {
      if (!Files.isDirectory(runsDir.resolve(r))) {
        run(runsDir, r);
      }
    }
    Path report = reportsDir.resolve(REPORT);
    copyTree(root().resolve("reports").resolve(REPORT), report);
    Path json = new ReportLayout(report).comparisonJson();
    Files.writeString(
        json,
        Files.readString(json)
            .replace(RUNS_PLACEHOLDER, runsDir.toAbsolutePath().normalize().toString()));
    return report;
  }

  /** Sets results.json's testMetric of a copied run (a value, not the structure, changes). */
  static void withTestMetric(Path run, double testMetric) throws IOException {
    Path results = new RunLayout(run).results();
    ObjectNode r = (ObjectNode) json(results);
    r.put("testMetric", testMetric);
    Files.writeString(results, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
  }

  static JsonNode json(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
