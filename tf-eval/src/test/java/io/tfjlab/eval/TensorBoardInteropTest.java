package io.tfjlab.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.interop.PythonInterop;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.RunExecutor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our TensorBoard event files, read by TensorBoard's own reader. */
class TensorBoardInteropTest {
  @TempDir Path tmp;

  @Test
  void tensorBoardReadsOneScalarPerEpochAndMetric() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    DatasetCatalog catalog =
        new DatasetCatalog(Map.of(), new DatasetStore(tmp, Optional.empty(), quiet));
    ModelZoo zoo =
        com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    new RunExecutor(catalog, zoo)
        .train(
            RunSpec.of(ModelSpec.of("xor")).withDataset("toy-xor").withEpochs(3).withThreads(1),
            tmp.resolve("runs"),
            "test",
            quiet);
    String out =
        PythonInterop.script(
            "read_events.py",
            tmp,
            Map.of(),
            tmp.resolve("runs/xor-toy-xor-all-1/tensorboard").toString());
    assertThat(out)
        .contains(
            "classifier/loss 3 ",
            "classifier/acc 3 ",
            "classifier/val_loss 3 ",
            "classifier/val_acc 3 ");
  }
}
