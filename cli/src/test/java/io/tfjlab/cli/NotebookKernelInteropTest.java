package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.cli.CommandLines;
import io.tfjlab.interop.PythonInterop;
import io.tfjlab.training.cli.TrainCommand;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a user's image folder, exported and reported, then its notebook executed by a real
 * Jupyter kernel (nbconvert --execute): the Python check reads test-set.npz beside the notebook and
 * finds tfjlab's test accuracy; evaluation.json names the folder's classes.
 */
class NotebookKernelInteropTest {
  @TempDir Path dir;

  private int tfjlab(String... args) {
    picocli.CommandLine cl = CommandLines.create(new TfjlabCommand());
    cl.addSubcommand(new TrainCommand().withArgs(args));
    return cl.execute(args);
  }

  @Test
  void theNotebookOfAFolderRunReChecksItsAccuracyInAKernel() throws Exception {
    Path python = PythonInterop.python();
    Random r = new Random(3);
    for (String c : List.of("circle", "square")) {
      Path d = Files.createDirectories(dir.resolve("shapes").resolve(c));
      for (int i = 0; i < 12; i++) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
          for (int x = 0; x < 16; x++) {
            boolean inside =
                c.equals("circle") ? (x - 8) * (x - 8) + (y - 8) * (y - 8) < 30 : x > 3 && x < 12;
            img.getRaster().setSample(x, y, 0, (inside ? 200 : 30) + r.nextInt(40));
          }
        }
        ImageIO.write(img, "png", d.resolve(i + ".png").toFile());
      }
    }
    Path runs = dir.resolve("runs");
    assertThat(
            tfjlab(
                "train",
                "--model",
                "mlp",
                "--dataset",
                "folder:" + dir.resolve("shapes") + "?test=0.25",
                "--epochs",
                "2",
                "--runs-dir",
                runs.toString(),
                "--data-dir",
                dir.resolve("data").toString()))
        .isZero();
    Path run;
    try (var s = Files.list(runs)) {
      run = s.findFirst().orElseThrow();
    }
    assertThat(tfjlab("export", "--run", run.toString())).isZero();
    assertThat(tfjlab("report", "--run", run.toString())).isZero();
    assertThat(run.resolve("test-set.npz")).isRegularFile();
    assertThat(Files.readString(run.resolve("evaluation.json")))
        .contains("\"circle\"", "\"square\"");

    String out =
        PythonInterop.python(
            run,
            Map.of("TFJLAB_DATA_DIR", dir.resolve("data").toString()),
            List.of(
                "-m",
                "jupyter",
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "report.ipynb",
                "--output",
                "executed.ipynb"));
    assertThat(python).isNotNull();
    StringBuilder outputs = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonNode cell :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(run.resolve("executed.ipynb").toFile())
            .get("cells")) {
      for (com.fasterxml.jackson.databind.JsonNode o : cell.path("outputs")) {
        o.path("text").forEach(t -> outputs.append(t.asText()));
        if (o.has("ename")) {
          outputs.append(o.get("ename").asText()).append(": ").append(o.get("evalue").asText());
        }
      }
    }
    assertThat(outputs.toString()).contains("same as tfjlab").doesNotContain("differs from tfjlab");
    assertThat(out).isNotNull();
  }
}
