package io.tfjlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunNotebookTest {
  @TempDir Path dir;

  @Test
  void finishedRunHasEverySection() throws IOException {
    Path run = Fixtures.finishedRun(dir.resolve("runs"), "cnn-mnist-100-1", 0.8232);
    Notebook nb = RunNotebook.build(run, run);
    String md = NotebookText.markdown(nb);
    assertThat(md).contains("# Run cnn-mnist-100-1", "Status: **finished**", "tfjlab train --model cnn --labels 100",
        "## Data and protocol", "100 labeled training images", "label seed 7", "| t10k-images-idx3-ubyte | 0fa7898d |",
        "the `best` checkpoint, epoch 2", "`val_loss`", "The test set was read once, after training",
        "optimizer adam (learningRate 0.001)",
        "## The model", "Total params: 1,190,346", "| preset | seed003 |",
        "## Training history", "## Results", "| test acc | 82.32% |", "| training time | 2.5 min |",
        "### Evaluation", "macro F1 0.899", "| 0 | 1.0000 | 0.8333 | 0.9091 | 6 |", "| true \\\\ predicted | 0 | 1 |");
    assertThat(md).contains(
        "| phase | epoch | loss | acc | val\\_loss | val\\_acc | lr | seconds | g\\_loss |\n",
        "| classifier | 1 | 0.192 | 0.9427 | 0.07095 | 0.979 | 0.001 | 28.98 | 1.5 |\n",
        "| classifier | 3 | 0.04 | 0.99 | 0.05 | 0.985 | 0.001 | 27 |  |\n");
    // figures sorted by name, then only the last generator sample
    assertThat(NotebookText.figures(nb)).extracting(c -> c.source().lines().findFirst().orElseThrow())
        .containsExactly("# accuracy curve", "# loss", "# generator samples: epoch 002");
    assertThat(NotebookText.figures(nb).get(2).source()).contains("filename=\"samples/epoch-002.png\"");
    // no saved_model: the code cell says how to export one
    List<Cell.Code> code = NotebookText.code(nb);
    assertThat(code.get(code.size() - 1).source()).contains("./tfjlab export --run cnn-mnist-100-1")
        .doesNotContain("tf.saved_model.load");
  }

  @Test
  void savedModelGivesLoaderAndCheckRelativeToTheNotebook() throws IOException {
    Path run = Fixtures.finishedRun(dir.resolve("runs"), "cnn-mnist-100-1", 0.8232);
    Files.createDirectories(run.resolve("saved_model"));
    Notebook nb = RunNotebook.build(run, dir.resolve("notebooks"));
    List<Cell.Code> code = NotebookText.code(nb);
    String loader = code.get(code.size() - 2).source();
    assertThat(loader).contains("tf.saved_model.load(saved_model)", "signatures[\"serving_default\"]",
        "os.environ.get(\"TFJLAB_DATA_DIR\", \"~/.tfjlab/datasets\")", "DATASET = \"mnist\"",
        "t10k-images-idx3-ubyte\"), \"rb\")", "offset=16", "offset=8", "reshape(-1, 28, 28, 1)", "/ 255.0",
        "serving(images=", "outputs[\"classes\"]", "`probabilities`");
    assertThat(code.get(code.size() - 1).source())
        .contains("test_accuracy(\"../runs/cnn-mnist-100-1/saved_model\")", "(tfjlab: 82.32%)", "abs(accuracy - 0.8232)");
    assertThat(NotebookText.figures(nb).get(0).source()).contains("filename=\"../runs/cnn-mnist-100-1/figures/accuracy-curve.png\"");
  }

  @Test
  void unfinishedRunSaysItHasNoResults() throws IOException {
    Path run = Fixtures.runningRun(dir.resolve("runs"), "sgan-mnist-100-1");
    String md = NotebookText.markdown(RunNotebook.build(run, run));
    assertThat(md).contains("No results.json: the run's status is **running**", "has not been tested",
        "No summary.txt", "No figures/");
    // the empty validation columns are left out
    assertThat(md).contains("| phase | epoch | loss | acc | lr | seconds |\n", "| pretrain | 1 | 0.5 | 0.8 | 0.003 | 10.5 |\n");
  }

  @Test
  void sameRunGivesByteIdenticalNotebooks() throws IOException {
    Path run = Fixtures.finishedRun(dir.resolve("runs"), "r", 0.9);
    Path a = dir.resolve("a/run.ipynb");
    Path b = dir.resolve("b/run.ipynb");
    RunNotebook.write(run, a);
    RunNotebook.write(run, b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void notARunDirectoryIsAOneLineMessage() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> RunNotebook.write(empty, dir.resolve("x.ipynb")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run directory: " + empty + " (no manifest.json); pass a folder under runs/");
    assertThat(dir.resolve("x.ipynb")).doesNotExist();
    Files.writeString(empty.resolve("manifest.json"), "{\"run\": ");
    assertThatThrownBy(() -> RunNotebook.build(empty, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed JSON in " + empty.resolve("manifest.json"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
