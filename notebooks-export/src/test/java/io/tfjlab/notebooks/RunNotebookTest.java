package io.tfjlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run notebooks of the real run folders in the fixtures (see {@link Fixtures}). */
class RunNotebookTest {
  @TempDir Path dir;

  @Test
  void finishedRunHasEverySection() throws IOException {
    Path run = Fixtures.run(dir.resolve("runs"), Fixtures.MLP);
    String checksum =
        Fixtures.json(run.resolve("manifest.json"))
            .path("data")
            .path("checksums")
            .path("t10k-images-idx3-ubyte")
            .asText();
    Notebook nb = RunNotebook.build(run, run);
    String md = NotebookText.markdown(nb);
    assertThat(md)
        .contains(
            "# Run mlp-synthetic-digits-100-1",
            "Status: **finished**",
            "tfjlab compare (RunFolderRoundTripTest)",
            "## Data and protocol",
            "Data set: **synthetic-digits**",
            "100 labeled training images",
            "(450 training, 50 validation images, 100 labeled)",
            "label seed 1",
            "| t10k-images-idx3-ubyte | " + checksum + " |",
            "the `best` checkpoint, epoch 6",
            "`val_loss`",
            "The test set was read once, after training",
            "optimizer adam (learningRate 0.001, beta1 0.9, beta2 0.999, epsilon 1.0E-7)",
            "## The model",
            "Total params: 141,910",
            "| hidden | \\[150,150\\] |",
            "## Training history",
            "## Results",
            "| test acc | 84.00% |",
            "| test examples | 200 |",
            "### Evaluation",
            "Accuracy 84.00%",
            "macro F1 0.8446",
            "| 0 | 0.9524 | 1.0000 | 0.9756 | 20 |",
            "| true \\\\ predicted | 0 | 1 | 2 |");
    // wall times differ from run to run: the fixture's are whatever its regeneration measured
    assertThat(md).containsPattern("\\| training time \\| \\d+ s \\|");
    // history.csv's numbers to 4 significant digits
    assertThat(md)
        .contains(
            "| phase | epoch | loss | acc | val\\_loss | val\\_acc | lr | seconds |\n",
            "| classifier | 1 | 2.333 | 0.09 | 2.234 | 0.24 | 0.001 | ",
            "| classifier | 2 | 2.165 | 0.38 | 2.173 | 0.32 | 0.001 | ");
    assertThat(NotebookText.figures(nb))
        .extracting(c -> c.source().lines().findFirst().orElseThrow())
        .containsExactly("# confusion matrix", "# learning curves");
    // no saved_model: the code cell says how to export one
    List<Cell.Code> code = NotebookText.code(nb);
    assertThat(code.get(code.size() - 1).source())
        .contains("./tfjlab export --run mlp-synthetic-digits-100-1")
        .doesNotContain("tf.saved_model.load");
  }

  @Test
  void aGanRunShowsItsLastSampleGridAndItsLastCheckpoint() throws IOException {
    Path run = Fixtures.run(dir.resolve("runs"), Fixtures.SGAN);
    Notebook nb = RunNotebook.build(run, run);
    assertThat(NotebookText.markdown(nb))
        .contains(
            "the `last` checkpoint (epoch 1)",
            "| test acc | 10.50% |",
            "| sgan | 1 | 4.05 | 0.095 | 2.547 | 0.125 | 0.003 | ");
    // figures sorted by name, then only the last generator sample
    assertThat(NotebookText.figures(nb))
        .extracting(c -> c.source().lines().findFirst().orElseThrow())
        .containsExactly(
            "# confusion matrix", "# learning curves", "# generator samples: sgan epoch 001");
    assertThat(NotebookText.figures(nb).get(2).source())
        .contains("filename=\"samples/sgan-epoch-001.png\"");
  }

  @Test
  void savedModelGivesLoaderAndCheckRelativeToTheNotebook() throws IOException {
    Path run = Fixtures.run(dir.resolve("runs"), Fixtures.MLP);
    Files.createDirectories(run.resolve("saved_model"));
    Notebook nb = RunNotebook.build(run, dir.resolve("notebooks"));
    List<Cell.Code> code = NotebookText.code(nb);
    String loader = code.get(code.size() - 2).source();
    assertThat(loader)
        .contains(
            "tf.saved_model.load(saved_model)",
            "signatures[\"serving_default\"]",
            "os.environ.get(\"TFJLAB_DATA_DIR\", \"~/.tfjlab/datasets\")",
            "DATASET = \"synthetic-digits\"",
            "t10k-images-idx3-ubyte\"), \"rb\")",
            "offset=16",
            "offset=8",
            "reshape(-1, 28, 28, 1)",
            "/ 255.0",
            "serving(images=",
            "outputs[\"classes\"]",
            "`probabilities`");
    assertThat(code.get(code.size() - 1).source())
        .contains(
            "test_accuracy(\"../runs/mlp-synthetic-digits-100-1/saved_model\")",
            "(tfjlab: 84.00%)",
            "abs(accuracy - 0.84)");
    assertThat(NotebookText.figures(nb).get(0).source())
        .contains("filename=\"../runs/mlp-synthetic-digits-100-1/figures/confusion-matrix.png\"");
  }

  @Test
  void unfinishedRunSaysItHasNoResults() throws IOException {
    Path run = Fixtures.run(dir.resolve("runs"), Fixtures.INTERRUPTED);
    String md = NotebookText.markdown(RunNotebook.build(run, run));
    assertThat(md)
        .contains(
            "Status: **running**",
            "finished not yet",
            "No results.json: the run's status is **running**",
            "has not been tested",
            "Total params: 141,910",
            "No figures/");
    // the empty validation columns are left out
    assertThat(md)
        .contains(
            "| phase | epoch | loss | acc | lr | seconds |\n",
            "| classifier | 1 | 2.319 | 0.08 | 0.001 | ");
    assertThat(md)
        .containsPattern(
            "\\| classifier \\| 1 \\| 2\\.319 \\| 0\\.08 \\| 0\\.001 \\| [0-9.]+ \\|\n");
  }

  @Test
  void sameRunGivesByteIdenticalNotebooks() throws IOException {
    Path run = Fixtures.run(dir.resolve("runs"), Fixtures.SGAN);
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
        .hasMessage(
            "not a run directory: " + empty + " (no manifest.json); pass a folder under runs/");
    assertThat(dir.resolve("x.ipynb")).doesNotExist();
    Files.writeString(empty.resolve("manifest.json"), "{\"run\": ");
    assertThatThrownBy(() -> RunNotebook.build(empty, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed JSON in " + empty.resolve("manifest.json"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
