package io.tfjlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.data.Dataset;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.testsupport.Crashes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API end to end on synthetic images and a network defined in Java: one short training run (a
 * few seconds, one thread), then its reload, evaluation, export and predictions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentTest {
  @TempDir static Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final List<Integer> epochsSeen = new ArrayList<>();
  final Dataset bars = Bars.dataset(1);
  Experiment experiment;
  TrainedRun run;

  /**
   * The experiment of every run here: a Java network on in-memory images, 4 short epochs, one
   * thread.
   */
  Experiment.Builder tiny(Path runsDir) {
    return Experiment.builder()
        .network(new TinyNet())
        .dataset(bars)
        .epochs(4)
        .batchSize(30)
        .learningRate(0.01)
        .seed(1)
        .threads(1)
        .runsDir(runsDir);
  }

  @BeforeAll
  void fitOnce() {
    Callback counter =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            epochsSeen.add(logs.epoch());
          }
        };
    experiment =
        tiny(tmp.resolve("runs")).callbacks(counter).out(new PrintStream(log, true)).build();
    run = experiment.fit();
  }

  @AfterAll
  void closeRun() {
    run.close();
  }

  @Test
  void fitTrainsTheJavaNetworkInANewRunFolderThatRecordsIt() {
    assertThat(run.dir()).isEqualTo(tmp.resolve("runs/tiny-net-bars-all-1"));
    assertThat(run.dir().resolve("checkpoints/best")).isDirectory();
    assertThat(run.testAccuracy()).isGreaterThan(0.9); // chance is 1/3
    assertThat(run.result().testExamples()).isEqualTo(90);
    assertThat(run.history().lastPhase().epoch()).hasSize(4);
    assertThat(epochsSeen).containsExactly(1, 2, 3, 4);
    Manifest m = run.manifest();
    assertThat(m.spec().model().type()).isEqualTo("tiny-net");
    assertThat(m.command()).contains("network tiny-net = io.tfjlab.api.TinyNet");
    assertThat(m.data().checksums()).isEqualTo(bars.checksums()).containsKeys("train", "test");
    assertThat(run.summary()).contains("Conv2D", "Dense");
    assertThat(log.toString()).contains("Run ", "Test (best checkpoint");
  }

  @Test
  void aReopenedRunPredictsWhatItsTestPassPredictedAndEvaluatesToItsResult() {
    try (TrainedRun again = experiment.open(run.dir())) {
      Predictions p = again.predict(Images.all(bars.test()));
      assertThat(p.size()).isEqualTo(90);
      assertThat(p.classes()).isEqualTo(again.testPredictions().predicted());
      assertThat(p.classNames()).containsExactly("horizontal", "vertical", "square");
      float[] first = p.probabilities(0);
      assertThat(first[0] + first[1] + first[2]).isCloseTo(1f, within(1e-5f));
      Evaluation e = again.evaluate();
      assertThat(e.accuracy()).isCloseTo(run.testAccuracy(), within(1e-6));
      assertThat(e.loss()).isCloseTo(run.testLoss(), within(1e-5));
      assertThat(e.examples()).isEqualTo(90);
      assertThat(e.confusion().orElseThrow().total()).isEqualTo(90);
      assertThat(e.toText()).contains("precision", "square");
    }
  }

  @Test
  void theExportedSavedModelPredictsTheSameClasses() {
    Path saved = run.export(tmp.resolve("exported"));
    assertThat(saved.resolve("saved_model.pb")).isRegularFile();
    Images images = Images.all(bars.test());
    Predictions fromRun = run.predict(images);
    try (ExportedModel model = ExportedModel.load(saved, run.classNames())) {
      assertThat(model.imageShape()).isEqualTo(Bars.SHAPE);
      Predictions served = model.predict(images);
      assertThat(served.classes()).isEqualTo(fromRun.classes());
      for (int i = 0; i < images.size(); i++) {
        assertThat(served.probabilities(i))
            .containsExactly(fromRun.probabilities(i), within(1e-5f));
      }
      assertThatThrownBy(
              () -> model.predict(Images.of(new io.tfjlab.data.ImageShape(2, 2, 1), new float[4])))
          .hasMessageContaining("SavedModel reads 12x12x1");
    }
  }

  @Test
  void pngFilesArePredictedLikeTheImagesTheyHold() {
    Images images = Images.of(bars.test(), 0, 1, 2);
    Path[] files = new Path[3];
    for (int i = 0; i < 3; i++) {
      files[i] = images.savePng(i, tmp.resolve("png/test-" + i + ".png"));
    }
    assertThat(run.predict(files).classes()).isEqualTo(run.predict(images).classes());
    assertThatThrownBy(
            () -> run.predict(Images.of(new io.tfjlab.data.ImageShape(2, 2, 1), new float[4])))
        .hasMessageContaining("reads 12x12x1")
        .hasMessageContaining("resizedTo");
  }

  @Test
  void reopeningNeedsTheNetworkAndTheSameImages() {
    assertThatThrownBy(() -> TrainedRun.open(run.dir()))
        .hasMessageContaining("network 'tiny-net'")
        .hasMessageContaining("TrainedRun.open(dir, new YourNetwork())");
    assertThatThrownBy(() -> TrainedRun.open(run.dir(), new TinyNet()))
        .hasMessageContaining("in-memory data set 'bars'");
    Experiment otherImages =
        Experiment.builder().network(new TinyNet()).dataset(Bars.dataset(2)).quiet().build();
    assertThatThrownBy(() -> otherImages.open(run.dir())).hasMessageContaining("differs");
  }

  @Test
  void anInterruptedFitResumesToTheResultOfAnUninterruptedOne() {
    Callback crashAfterEpoch2 = Crashes.afterEpoch(2);
    Path runs = tmp.resolve("interrupted");
    assertThatThrownBy(() -> tiny(runs).callbacks(crashAfterEpoch2).quiet().build().fit())
        .hasMessageContaining("simulated crash");
    Path dir = runs.resolve("tiny-net-bars-all-1");
    Experiment same = tiny(runs).quiet().build();
    assertThatThrownBy(() -> same.open(dir))
        .hasMessageContaining("has not finished")
        .hasMessageContaining("resume");
    try (TrainedRun resumed = same.resume(dir)) {
      assertThat(resumed.history().lastPhase().epoch()).hasSize(4);
      assertThat(resumed.testLoss()).isEqualTo(run.testLoss());
      assertThat(resumed.testAccuracy()).isEqualTo(run.testAccuracy());
    }
  }

  @Test
  void aBuiltInModelOnAToyProblemReopensWithoutExtras() {
    Experiment xor =
        Experiment.builder()
            .model("xor")
            .dataset("toy-xor")
            .epochs(2)
            .batchSize(64)
            .learningRate(0.01)
            .threads(1)
            .runsDir(tmp.resolve("toy"))
            .quiet()
            .build();
    try (TrainedRun r = xor.fit();
        TrainedRun again = TrainedRun.open(r.dir())) {
      assertThat(((io.tfjlab.models.zoo.HiddenLayers) again.spec().model()).hidden())
          .containsExactly(10);
      assertThat(again.evaluate().metric()).isCloseTo(r.testMetric(), within(1e-6));
      assertThatThrownBy(again::imageShape).hasMessageContaining("feature vectors");
    }
  }

  @Test
  void specFilesAndRecipesResolveAsOnTheCommandLine() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("run.json"),
            "{\"model\": {\"type\": \"xor\"}, \"dataset\": \"toy-xor\", \"epochs\": 1}");
    Experiment fromFile = Experiment.fromSpec(file);
    assertThat(fromFile.spec().epochs()).isEqualTo(1);
    assertThat(((io.tfjlab.models.zoo.HiddenLayers) fromFile.spec().model()).hidden())
        .containsExactly(10);
    assertThat(Experiment.builder().spec(file).epochs(3).build().spec().epochs()).isEqualTo(3);
    // sgan comes with its published recipe, as ./tfjlab train --model sgan
    var sgan = Experiment.builder().model("sgan").build().spec();
    assertThat(sgan.batchSize()).isEqualTo(100);
    assertThat(sgan.checkpoint()).isEqualTo("last");
    assertThat(Experiment.builder().model("sgan").batchSize(50).build().spec().batchSize())
        .isEqualTo(50);
  }

  @Test
  void badSettingsAreOneLineErrorsNamingTheFix() {
    assertThatThrownBy(() -> Experiment.builder().build()).hasMessageContaining(".model(\"cnn\")");
    assertThatThrownBy(() -> Experiment.builder().model("cnn").network(new TinyNet()).build())
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> Experiment.builder().model("nope").build())
        .hasMessageContaining("unknown model 'nope'");
    assertThatThrownBy(() -> Experiment.builder().model("cnn").dataset("nope").build())
        .hasMessageContaining("unknown data set 'nope'");
    assertThatThrownBy(() -> Experiment.builder().model("cnn").epochs(0).build())
        .hasMessageContaining("spec.epochs");
    assertThatThrownBy(() -> Experiment.builder().spec(tmp.resolve("none.json")).build())
        .hasMessageContaining("not found");
    TinyNet clash =
        new TinyNet() {
          @Override
          public String name() {
            return "cnn";
          }
        };
    assertThatThrownBy(() -> Experiment.builder().network(clash).build())
        .hasMessageContaining("built-in model");
    Dataset mnistNamed = InMemoryData.of("mnist", Bars.images(3, 1), Bars.images(3, 2));
    assertThatThrownBy(() -> Experiment.builder().model("cnn").dataset(mnistNamed).build())
        .hasMessageContaining("catalog data set");
  }
}
