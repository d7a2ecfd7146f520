package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.user.DatasetExport;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.testsupport.SyntheticImageDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CNN trained from {@code folder:} and {@code npz:} exports of a catalog data set gives the
 * catalog run's numbers and test predictions: the readers hand back the same images in the same
 * order (the full MNIST version of this check is a CLI run in docs/RESULTS.md, issue 13).
 */
class UserDatasetRunTest {
  @TempDir Path tmp;
  final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true);

  RunResult train(RunExecutor executor, String dataset, String runs) {
    RunSpec spec =
        RunSpec.of(ModelSpec.of("cnn"))
            .withDataset(dataset)
            .withEpochs(1)
            .withLimitBatches(3)
            .withBatchSize(32)
            .withThreads(1);
    return executor.train(spec, tmp.resolve(runs), "test", out);
  }

  @Test
  void folderAndNpzExportsTrainLikeTheCatalog() throws Exception {
    RunExecutor executor = SyntheticImageDataset.executor(tmp.resolve("data"), out);
    String folder =
        DatasetExport.write(SyntheticImageDataset.dataset(), "folder", tmp.resolve("folder"));
    String npz = DatasetExport.write(SyntheticImageDataset.dataset(), "npz", tmp.resolve("npz"));
    RunResult catalog = train(executor, SyntheticImageDataset.NAME, "a");
    RunResult fromFolder = train(executor, folder, "b");
    RunResult fromNpz = train(executor, npz, "c");
    for (RunResult r : new RunResult[] {fromFolder, fromNpz}) {
      assertThat(r.testLoss()).isEqualTo(catalog.testLoss());
      assertThat(r.testMetric()).isEqualTo(catalog.testMetric());
      assertThat(r.testExamples()).isEqualTo(catalog.testExamples());
    }
    Path a = tmp.resolve("a/cnn-synthetic-digits-all-1/test-predictions.csv");
    Path b = tmp.resolve("b/cnn-folder-folder-all-1");
    assertThat(Files.readAllLines(b.resolve("test-predictions.csv")))
        .isEqualTo(Files.readAllLines(a));
    Manifest m = Json.read(b.resolve("manifest.json"), Manifest.class);
    assertThat(m.spec().dataset()).isEqualTo(folder);
    assertThat(m.data().dataset()).isEqualTo("folder-folder");
    assertThat(m.data().checksums()).containsOnlyKeys("train", "test");
    assertThat(m.data().checksums().get("train")).matches("[0-9a-f]{64}");
  }
}
