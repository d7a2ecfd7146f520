package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfjlab.data.cli.CommandLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cifar10 and usps plans end to end on small files in the exact formats the catalog reads
 * (CIFAR-10 binary batches, USPS LIBSVM), passed with {@code --from}; a plan file extends each with
 * two batches of one epoch per row. A machine without the files gets one message naming them.
 */
class SeedPlansTest {
  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private Outcome compare(Path plan, Path from) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "compare",
                "--plan",
                plan.toString(),
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--reports-dir",
                dir.resolve("reports").toString(),
                "--data-dir",
                dir.resolve("data").toString()));
    if (from != null) {
      args.addAll(List.of("--from", from.toString()));
    }
    String[] a = args.toArray(String[]::new);
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      picocli.CommandLine cl = CommandLines.create(new TfjlabCommand());
      cl.addSubcommand(new CompareCommand().withArgs(a));
      int code = cl.execute(a);
      return new Outcome(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  private Path tiny(String plan) throws IOException {
    Path p = dir.resolve(plan + "-tiny.json");
    Files.writeString(
        p,
        "{\"name\": \""
            + plan
            + "-tiny\", \"extends\": \""
            + plan
            + "\", \"everyRow\": {\"limitBatches\": 2, \"epochs\": 1}}");
    return p;
  }

  @Test
  void cifar10RunsEveryRowOfSeed004FromCifarBinaryBatches() throws Exception {
    Path files = Files.createDirectories(dir.resolve("cifar"));
    Random r = new Random(1);
    for (int b = 1; b <= 5; b++) {
      Files.write(files.resolve("data_batch_" + b + ".bin"), cifarRecords(r, 40));
    }
    Files.write(files.resolve("test_batch.bin"), cifarRecords(r, 50));

    Outcome missing = compare(tiny("cifar10"), null);
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("data_batch_1.bin", "test_batch.bin", "--from DIR");

    Outcome o = compare(tiny("cifar10"), files);
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode rows = rows("cifar10-tiny");
    assertThat(rows.findValuesAsText("id"))
        .containsExactly(
            "perceptron-cat",
            "hidden300-batch-l2",
            "hidden300-momentum-dropout",
            "hidden1000-adam",
            "cnn-seed004");
    // parameter counts: 3072+1; 3072·300+300+300·10+10; the CNN's layer list (hand-counted)
    assertThat(o.out()).contains("3,073", "924,910", "3,083,010", "179,402", "67.8% (seed 004)");
    assertThat(Files.list(dir.resolve("runs")).count()).isEqualTo(5);
  }

  @Test
  void uspsRunsSeed002sNetworksFromLibsvmFiles() throws Exception {
    Path files = Files.createDirectories(dir.resolve("usps"));
    Random r = new Random(2);
    Files.writeString(files.resolve("usps"), libsvm(r, 800));
    Files.writeString(files.resolve("usps.t"), libsvm(r, 100));
    Outcome o = compare(tiny("usps"), files);
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(rows("usps-tiny").findValuesAsText("id"))
        .containsExactly("mlp-usps", "conv1d-usps-500");
    // 256·64+64 + 64·32+32 + 32·16+16 + 16·10+10; Conv1D 3·32+32, dense 4064·100+100, 100·10+10
    assertThat(o.out()).contains("19,226", "407,638", "90.0% (seed 002)");
  }

  private JsonNode rows(String report) throws IOException {
    return new ObjectMapper()
        .readTree(dir.resolve("reports").resolve(report).resolve("comparison.json").toFile())
        .get("rows");
  }

  /** CIFAR-10 binary records: a label byte, then 3,072 pixel bytes (R, G, B planes). */
  private static byte[] cifarRecords(Random r, int n) {
    byte[] b = new byte[n * 3073];
    r.nextBytes(b);
    for (int i = 0; i < n; i++) {
      b[i * 3073] = (byte) (i % 10);
    }
    return b;
  }

  /** USPS in LIBSVM: label 1..10, then 256 index:value pairs in [-1, 1]. */
  private static String libsvm(Random r, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i % 10 + 1);
      for (int k = 1; k <= 256; k++) {
        s.append(' ').append(k).append(':').append(String.format("%.4f", r.nextDouble() * 2 - 1));
      }
      s.append('\n');
    }
    return s.toString();
  }
}
