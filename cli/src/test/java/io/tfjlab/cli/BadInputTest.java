package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code tfjlab}, tried as a new user would: every case is exit code 2 and one line on
 * standard error that names the problem (and the fix), no stack trace, and no run folder left
 * behind. The CLI's own command line runs in-process ({@link TfjlabCommand#commandLine}); a small
 * CSV data set (4x4 grey images, 10 classes) and a finished toy-xor run are the fixtures.
 */
class BadInputTest {
  @TempDir static Path tmp;
  static Path data;
  static Path csv;
  static Path runs;
  static Path finished;

  record Outcome(int exit, String err) {}

  static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    var cl = TfjlabCommand.commandLine(args);
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Outcome(exit, err.toString());
  }

  /** Runs {@code args}, expects exit 2 and one error line containing {@code expected}. */
  static String refused(String expected, String... args) {
    Outcome o = run(args);
    System.out.println(
        "bad input: " + String.join(" ", args) + " -> exit " + o.exit() + ": " + o.err().strip());
    assertThat(o.exit()).as(o.err()).isEqualTo(2);
    assertThat(o.err().strip().lines()).as(o.err()).hasSize(1);
    assertThat(o.err())
        .startsWith("error: ")
        .contains(expected)
        .doesNotContain("\tat ", "Exception");
    return o.err();
  }

  static String[] train(String... more) {
    List<String> a = new ArrayList<>(List.of("train"));
    a.addAll(List.of(more));
    if (!a.contains("--runs-dir") && !a.contains("--resume")) {
      a.addAll(List.of("--runs-dir", runs.toString()));
    }
    a.addAll(List.of("--data-dir", data.toString(), "--threads", "1"));
    return a.toArray(String[]::new);
  }

  @BeforeAll
  static void fixtures() throws IOException {
    data = Files.createDirectories(tmp.resolve("data"));
    runs = tmp.resolve("runs");
    csv = tmp.resolve("digits.csv");
    StringBuilder sb = new StringBuilder();
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 300; i++) {
      int c = i % 10;
      sb.append(c);
      for (int p = 0; p < 16; p++) {
        sb.append(',').append(p == c ? 255 : rng.nextInt(60));
      }
      sb.append('\n');
    }
    Files.writeString(csv, sb.toString());
    Outcome o =
        run(
            train(
                "--model",
                "xor",
                "--dataset",
                "toy-xor",
                "--epochs",
                "2",
                "--runs-dir",
                tmp.resolve("done").toString()));
    assertThat(o.exit()).as(o.err()).isZero();
    try (Stream<Path> s = Files.list(tmp.resolve("done"))) {
      finished = s.findFirst().orElseThrow();
    }
  }

  static String csvRef() {
    return "csv:" + csv + "?size=4x4";
  }

  /** A copy of the finished run, made to look interrupted after its epochs (no results yet). */
  static Path interrupted(String name) throws IOException {
    Path copy = tmp.resolve("copies").resolve(name);
    copyTree(finished, copy);
    Files.delete(copy.resolve("results.json"));
    Path m = copy.resolve("manifest.json");
    Files.writeString(
        m, Files.readString(m).replace("\"status\" : \"finished\"", "\"status\" : \"running\""));
    return copy;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  @Test
  void unknownNamesAndOptionsThatDoNotApply() {
    refused("unknown model 'foo'; known: ", train("--model", "foo"));
    refused("unknown data set 'foo'; known: ", train("--model", "mlp", "--dataset", "foo"));
    refused(
        "unknown mlp preset 'foo'; use seed002 or seed003",
        train("--model", "mlp", "--preset", "foo"));
    refused("model.codeSize does not apply to mlp", train("--model", "mlp", "--code-size", "8"));
    refused(
        "model.discriminator does not apply to mlp",
        train("--model", "mlp", "--discriminator", "cnn"));
    refused(
        "--steps-per-epoch (stepsPerEpoch)",
        train("--model", "sgan", "--steps-per-epoch", "3", "--dataset", csvRef()));
    refused(
        "--augment-unlabeled (augment.unlabeled) augments the batches drawn from every training image;"
            + " mlp trains only on its labeled images",
        train("--model", "mlp", "--augment", "--augment-unlabeled", "--dataset", csvRef()));
    refused(
        "augment.unlabeled needs a transformation",
        train("--model", "ae-classifier", "--augment-unlabeled", "--dataset", csvRef()));
    refused(
        "reads no catalog files: leave --from out",
        train("--model", "xor", "--dataset", "toy-xor", "--from", tmp.toString()));
    refused(
        "reads no catalog files: leave --from out",
        train("--model", "mlp", "--dataset", csvRef(), "--from", tmp.toString()));
    refused(
        "unknown comparison plan 'nosuchplan'",
        "compare",
        "--plan",
        "nosuchplan",
        "--runs-dir",
        runs.toString());
    assertThat(runs).doesNotExist();
  }

  @Test
  void impossibleValues() {
    refused("batchSize must be > 0, got 0", train("--model", "mlp", "--batch-size", "0"));
    refused("learningRate must be > 0, got 0.0", train("--model", "mlp", "--lr", "0"));
    refused("learningRate must be > 0, got -1.0", train("--model", "mlp", "--lr", "-1"));
    refused("epochs must be > 0, got 0", train("--model", "mlp", "--epochs", "0"));
    refused(
        "validation must be in [0, 1), got 1.5", train("--model", "mlp", "--validation", "1.5"));
    refused(
        "validation must be in [0, 1), got -0.1", train("--model", "mlp", "--validation", "-0.1"));
    refused("codeSize must be > 0, got 0", train("--model", "autoencoder", "--code-size", "0"));
    refused(
        "a balanced labeled subset of 10 classes needs a multiple of 10 labels, got 7; use --labels 10 (or 0 for all)",
        train("--model", "mlp", "--labels", "7", "--dataset", csvRef()));
    refused(
        "use --labels 20 or 30", train("--model", "mlp", "--labels", "23", "--dataset", csvRef()));
    refused(
        "asked for 1000 labels but only",
        train("--model", "mlp", "--labels", "1000", "--dataset", csvRef()));
    assertThat(runs).doesNotExist();
  }

  @Test
  void specFiles() throws IOException {
    Path notJson = Files.writeString(tmp.resolve("not.json"), "model: mlp\n");
    refused("not.json", train("--spec", notJson.toString()));
    Path unknown =
        Files.writeString(
            tmp.resolve("unknown.json"), "{\"model\": {\"type\": \"mlp\"}, \"epoch\": 3}");
    refused("epoch", train("--spec", unknown.toString()));
    Path wrongType =
        Files.writeString(
            tmp.resolve("type.json"), "{\"model\": {\"type\": \"mlp\"}, \"epochs\": \"three\"}");
    refused("epochs", train("--spec", wrongType.toString()));
    Path layer =
        Files.writeString(
            tmp.resolve("layer.json"),
            "{\"model\": {\"type\": \"layers\", \"layers\": [{\"type\": \"conv3d\", \"filters\": 4}]}}");
    refused("conv3d", train("--spec", layer.toString(), "--dataset", csvRef()));
    Path kernel =
        Files.writeString(
            tmp.resolve("kernel.json"),
            "{\"model\": {\"type\": \"layers\", \"layers\": [{\"type\": \"conv2d\", \"filters\": 4,"
                + " \"kernel\": 5, \"padding\": \"valid\"}, {\"type\": \"flatten\"},"
                + " {\"type\": \"dense\", \"units\": 10}]}}");
    refused(
        "model.layers[0] (conv2d): kernel 5 is larger than the input (None, 4, 4, 1) with padding \"valid\"",
        train("--spec", kernel.toString(), "--dataset", csvRef()));
    assertThat(runs).doesNotExist();
  }

  @Test
  void dataWithOneClassOrUnreadableImages() throws IOException {
    Path folder = tmp.resolve("one-class");
    Files.createDirectories(folder.resolve("cat"));
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < 5; i++) {
      javax.imageio.ImageIO.write(img, "png", folder.resolve("cat").resolve(i + ".png").toFile());
    }
    refused("class", train("--model", "mlp", "--dataset", "folder:" + folder));
    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken.resolve("a"));
    Files.createDirectories(broken.resolve("b"));
    for (String c : List.of("a", "b")) {
      for (int i = 0; i < 3; i++) {
        javax.imageio.ImageIO.write(img, "png", broken.resolve(c).resolve(i + ".png").toFile());
      }
    }
    Files.write(
        broken.resolve("b").resolve("bad.png"), "not a png".getBytes(StandardCharsets.UTF_8));
    refused("bad.png", train("--model", "mlp", "--dataset", "folder:" + broken));
    assertThat(runs).doesNotExist();
  }

  @Test
  void runFolders() throws IOException {
    refused("is already finished", train("--resume", finished.toString()));
    Path inter = interrupted("contradict");
    refused(
        "where epochs is 2; the option asks for 5: leave the option out, or start a new run with it",
        train("--resume", inter.toString(), "--epochs", "5"));
    refused(
        "--spec does not apply to --resume",
        train("--resume", inter.toString(), "--spec", "x.json"));
    // the options that are not spec-layer fields are compared too
    refused(
        "where labelSeed is 1; --label-seeds asks for 1,2 (one run per seed): leave the option out",
        train("--resume", inter.toString(), "--label-seeds", "1,2"));
    refused(
        "--image-size and --color apply to your own data sets (folder:DIR, csv:FILE); toy-xor has"
            + " one image size: leave them out",
        train("--resume", inter.toString(), "--color", "rgb"));
    refused(
        "--runs-dir does not apply to --resume: " + inter + " stays in " + inter.getParent(),
        "train",
        "--resume",
        inter.toString(),
        "--runs-dir",
        tmp.resolve("elsewhere").toString());
    refused(
        "where nonFinite is \"stop\"; the option asks for \"skip\"",
        train("--resume", inter.toString(), "--on-nonfinite", "skip"));
    Path csvRun = interrupted("contradict-csv");
    Path cm = csvRun.resolve("manifest.json");
    Files.writeString(
        cm,
        Files.readString(cm)
            .replace("\"dataset\" : \"toy-xor\"", "\"dataset\" : \"csv:" + csv + "?size=4x4\""));
    refused(
        "where dataset is \"csv:"
            + csv
            + "?size=4x4\"; --image-size / --color asks for csv:"
            + csv
            + "?size=8x8: leave the option out",
        train("--resume", csvRun.toString(), "--image-size", "8x8"));
    // the same values as the manifest's are harmless: the resume goes on (and finishes the copy)
    Path same = interrupted("same-values");
    Outcome ok =
        run(
            train(
                "--resume",
                same.toString(),
                "--label-seeds",
                "1",
                "--on-nonfinite",
                "stop",
                "--runs-dir",
                same.getParent().toString()));
    System.out.println("same values: --resume -> exit " + ok.exit());
    assertThat(ok.exit()).as(ok.err()).isZero();

    Path noEpoch = interrupted("no-epoch");
    io.tfjlab.data.io.Folders.deleteRecursively(noEpoch.resolve("checkpoints"));
    refused("has not finished an epoch yet", "evaluate", "--run", noEpoch.toString());
    refused(
        "has not finished an epoch yet",
        "export",
        "--run",
        noEpoch.toString(),
        "--output",
        tmp.resolve("sm0").toString());
    refused("has no 'last' checkpoint to resume from", train("--resume", noEpoch.toString()));

    Path corrupt = interrupted("corrupt");
    Path data0 = corrupt.resolve("checkpoints/best/model.data-00000-of-00001");
    Files.write(data0, java.util.Arrays.copyOf(Files.readAllBytes(data0), 20));
    refused(
        "checkpoint 'best' in " + corrupt.resolve("checkpoints") + " is corrupt or incomplete",
        "evaluate",
        "--run",
        corrupt.toString());
    Files.writeString(corrupt.resolve("checkpoints/last/model.index"), "garbage");
    refused("checkpoint 'last'", "evaluate", "--run", corrupt.toString(), "--checkpoint", "last");

    Path newer = interrupted("newer");
    Path m = newer.resolve("manifest.json");
    Files.writeString(
        m, Files.readString(m).replace("\"run-format\" : \"1\"", "\"run-format\" : \"2\""));
    refused("(run format 2) was written by a newer tfjlab", "evaluate", "--run", newer.toString());
    Path newerField = interrupted("newer-field");
    Path m2 = newerField.resolve("manifest.json");
    Files.writeString(m2, Files.readString(m2).replaceFirst("\\{", "{\"datasetVersion\": 3,"));
    refused(
        "has a field this tfjlab does not know, \"datasetVersion\"",
        "evaluate",
        "--run",
        newerField.toString());
    Files.writeString(m2, "{ not json");
    refused("is not a readable manifest", "evaluate", "--run", newerField.toString());
    // a run written before run-format existed (format 1) still opens
    Path older = interrupted("older");
    Path m3 = older.resolve("manifest.json");
    Files.writeString(m3, Files.readString(m3).replaceAll("\\s*\"run-format\" : \"1\",", ""));
    assertThat(Files.readString(m3)).doesNotContain("run-format");
    Outcome o = run("evaluate", "--run", older.toString());
    System.out.println("older format: evaluate -> exit " + o.exit());
    assertThat(o.exit()).as(o.err()).isZero();
    refused(
        "is not a run folder (no manifest.json)",
        "evaluate",
        "--run",
        tmp.resolve("nothing").toString());
  }

  @Test
  void savedModels() throws IOException {
    refused(
        "is not a SavedModel (no saved_model.pb)",
        "predict",
        "--saved-model",
        tmp.toString(),
        "--dataset",
        csvRef(),
        "--data-dir",
        data.toString());
    Path sm = tmp.resolve("xor-sm");
    Outcome o = run("export", "--run", finished.toString(), "--output", sm.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    refused(
        "the SavedModel takes images of shape [-1, 2] but the data set's are 4x4x1",
        "predict",
        "--saved-model",
        sm.toString(),
        "--dataset",
        csvRef(),
        "--data-dir",
        data.toString());
    Path fake = Files.createDirectories(tmp.resolve("fake-sm"));
    Files.writeString(fake.resolve("saved_model.pb"), "not a protobuf");
    refused(
        "is not a loadable SavedModel",
        "predict",
        "--saved-model",
        fake.toString(),
        "--dataset",
        csvRef(),
        "--data-dir",
        data.toString());
  }

  @Test
  void readOnlyOutputFolder() throws Exception {
    Path ro = Files.createDirectories(tmp.resolve("ro"));
    boolean mounted = false;
    if ("root".equals(System.getProperty("user.name"))) {
      // root writes through permissions: a read-only tmpfs it is
      Process p =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", ro.toString())
              .inheritIO()
              .start();
      mounted = p.waitFor() == 0;
      org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "cannot mount a read-only tmpfs");
    } else {
      assertThat(ro.toFile().setWritable(false, false)).isTrue();
    }
    try {
      refused(
          "cannot create a run folder under " + ro + " (",
          train(
              "--model",
              "xor",
              "--dataset",
              "toy-xor",
              "--epochs",
              "1",
              "--runs-dir",
              ro.toString()));
      refused(
          "give a writable folder with --runs-dir",
          train(
              "--model",
              "xor",
              "--dataset",
              "toy-xor",
              "--epochs",
              "1",
              "--runs-dir",
              ro.resolve("sub").toString()));
    } finally {
      if (mounted) {
        new ProcessBuilder("umount", ro.toString()).inheritIO().start().waitFor();
      } else {
        ro.toFile().setWritable(true, false);
      }
    }
  }
}
