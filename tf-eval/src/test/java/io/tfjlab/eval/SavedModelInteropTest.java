package io.tfjlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.interop.PythonInterop;
import io.tfjlab.models.zoo.MlpSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.run.SavedModelExport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on real MNIST, exported as a SavedModel, then loaded three ways: the run's own
 * checkpoint, the SavedModel in Java, the SavedModel in TensorFlow for Python. All must agree.
 */
@Tag("integration")
class SavedModelInteropTest {
  @TempDir Path tmp;

  @Test
  void checkpointSavedModelInJavaAndInPythonGiveTheSamePredictions() throws Exception {
    Injector injector = Guice.createInjector(new TrainingModule(DataModule.DataOptions.defaults()));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    RunSpec spec =
        RunSpec.of(((MlpSpec) ModelSpec.of("mlp")).withHidden(List.of(64)))
            .withEpochs(1)
            .withThreads(2);
    RunResult trained =
        injector.getInstance(RunExecutor.class).train(spec, tmp.resolve("runs"), "test", quiet);
    Path run = tmp.resolve("runs/mlp-mnist-all-1");

    Path exported;
    try (RestoredRun r =
        RestoredRun.open(
            run,
            "best",
            injector.getInstance(DatasetCatalog.class),
            injector.getInstance(ModelZoo.class))) {
      exported = SavedModelExport.export(r, run.resolve("saved_model"));
    }
    assertThat(exported.resolve("saved_model.pb")).isRegularFile();

    Dataset mnist = injector.getInstance(DatasetCatalog.class).load("mnist");
    long[] java;
    try (SavedModelPredictor p = new SavedModelPredictor(exported)) {
      java = p.predictClasses(mnist.test(), 1000);
    }
    int correct = 0;
    for (int i = 0; i < java.length; i++) {
      correct += java[i] == mnist.test().label(i) ? 1 : 0;
    }
    // the SavedModel in a fresh Java session scores what the run recorded from its checkpoint
    assertThat(correct / 10000.0).isCloseTo(trained.testMetric(), within(1e-9));
    assertThat(trained.testMetric()).isGreaterThan(0.9);

    Path out = tmp.resolve("python-predictions.txt");
    PythonInterop.script(
        "saved_model_predict.py",
        tmp,
        Map.of(),
        exported.toString(),
        mnist.location().toString(),
        out.toString());
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(10000);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(Long.parseLong(lines.get(i).split(" ")[0])).as("image %d", i).isEqualTo(java[i]);
    }
  }
}
