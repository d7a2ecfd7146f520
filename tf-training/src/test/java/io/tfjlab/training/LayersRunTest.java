package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.run.SavedModelExport;
import io.tfjlab.training.testsupport.Crashes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A layer-list model from a JSON spec file through the whole pipeline on small synthetic images
 * (which quadrant of an 8x8 image is bright: 4 classes): one step lowers the loss, a run trains,
 * records its full layer list, replays from its manifest, resumes, exports a SavedModel that
 * predicts as the run did.
 */
class LayersRunTest {
  static final io.tfjlab.training.spec.SpecResolver RESOLVER =
      new io.tfjlab.training.spec.SpecResolver(
          com.google.inject.Guice.createInjector(new io.tfjlab.models.ModelsModule())
              .getInstance(io.tfjlab.models.zoo.ModelZoo.class));

  static RunSpec fromFile(Path file) {
    return RESOLVER
        .resolve(java.util.List.of(io.tfjlab.training.spec.SpecResolver.file(file)))
        .spec();
  }

  static final ImageShape SHAPE = new ImageShape(8, 8, 1);
  static final String LAYERS =
      "[{\"type\": \"standardize\"},"
          + " {\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3, \"padding\": \"same\", \"use_bias\": false},"
          + " {\"type\": \"batch_norm\"}, {\"type\": \"relu\"}, {\"type\": \"maxpool\", \"size\": 2},"
          + " {\"type\": \"flatten\"}, {\"type\": \"dropout\", \"rate\": 0.25}, {\"type\": \"dense\", \"units\": 4}]";

  @TempDir Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);

  /** {@code n} images: the quadrant of the class bright (180..255), the rest dark (0..80). */
  static ImageSet quadrants(int n, long seed) {
    Random r = new Random(seed);
    byte[] px = new byte[n * 64];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = i % 4;
      labels[i] = (byte) c;
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          boolean lit = (y / 4) * 2 + x / 4 == c;
          px[i * 64 + y * 8 + x] = (byte) (lit ? 180 + r.nextInt(76) : r.nextInt(81));
        }
      }
    }
    return new ImageSet(px, labels, SHAPE, 4);
  }

  static final ImageSet TRAIN = quadrants(240, 1);
  static final ImageSet TEST = quadrants(80, 2);

  DatasetCatalog catalog() {
    List<String> classes = List.of("top-left", "top-right", "bottom-left", "bottom-right");
    DatasetDescriptor d =
        new DatasetDescriptor(
            "quadrants",
            "test",
            SHAPE,
            classes,
            List.of(),
            List.of(),
            (desc, m) -> new Dataset("quadrants", TRAIN, TEST, classes, Map.of(), m.directory()));
    return new DatasetCatalog(
        Map.of("quadrants", d), new DatasetStore(tmp.resolve("data"), Optional.empty(), out));
  }

  final ModelZoo zoo =
      com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);

  RunExecutor executor() {
    return new RunExecutor(catalog(), zoo);
  }

  Path specFile(String layers, int epochs) throws Exception {
    Path f = tmp.resolve("spec-" + System.nanoTime() + ".json");
    Files.writeString(
        f,
        "{\"model\": {\"type\": \"layers\", \"layers\": "
            + layers
            + "}, \"dataset\": \"quadrants\","
            + " \"epochs\": "
            + epochs
            + ", \"batchSize\": 20, \"optimizer\": {\"name\": \"adam\", \"learningRate\": 0.01},"
            + " \"threads\": 1}");
    return f;
  }

  @Test
  void oneTrainingStepLowersTheLoss() throws Exception {
    RunSpec spec = fromFile(specFile(LAYERS, 1));
    try (TrainingData data = TrainingData.prepare(executor().resolve(spec), catalog());
        org.tensorflow.Graph g = new org.tensorflow.Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), spec.model(), data.input());
      TrainingGraph tg = new TrainingGraph(m, OptimizerSpec.adam(0.01), 0);
      var batch =
          data.plain(io.tfjlab.models.zoo.Phase.PhaseData.ALL_TRAIN, 0, 40)
              .epoch(0)
              .iterator()
              .next();
      try (Session s =
              new Session(
                  g,
                  ConfigProto.newBuilder()
                      .setIntraOpParallelismThreads(1)
                      .setInterOpParallelismThreads(1)
                      .build());
          TFloat32 lr = TFloat32.scalarOf(0.01f);
          TBool training = TBool.scalarOf(true)) {
        s.initialize();
        float before = loss(s, m, batch);
        float[] movingMean = values(s, m.allVariables().get(m.allVariables().size() - 2));
        s.runner()
            .feed(m.input(), batch.images())
            .feed(m.target(), batch.labels())
            .feed(tg.learningRate(), lr)
            .feed(ModelContext.TRAINING, training)
            .addTarget(tg.trainOp(0))
            .addTarget(m.finalPhase().updates().get(0))
            .run()
            .close();
        assertThat(loss(s, m, batch)).isLessThan(before);
        // the batch-norm moving mean moved with the step (it starts at 0)
        assertThat(values(s, m.allVariables().get(m.allVariables().size() - 2)))
            .isNotEqualTo(movingMean);
      }
    }
  }

  static float loss(Session s, BuiltModel m, io.tfjlab.data.batch.Batch b) {
    try (Result r =
        s.runner()
            .feed(m.input(), b.images())
            .feed(m.target(), b.labels())
            .fetch(m.finalPhase().evalLoss())
            .run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  static float[] values(Session s, org.tensorflow.Operand<TFloat32> v) {
    try (Result r = s.runner().fetch(v).run()) {
      float[] out = new float[(int) r.get(0).shape().size()];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Test
  void aSpecFileTrainsRecordsItsLayersReplaysResumesAndExports() throws Exception {
    RunSpec spec = fromFile(specFile(LAYERS, 3));
    RunResult r = executor().train(spec, tmp.resolve("runs"), "test", out);
    assertThat(r.testMetric()).isGreaterThan(0.9);
    Path run = tmp.resolve("runs/layers-quadrants-all-1");

    // the manifest holds the whole resolved list, every field, and reads back to the spec that ran
    Manifest manifest = Json.read(run.resolve("manifest.json"), Manifest.class);
    assertThat(manifest.spec()).isEqualTo(executor().resolve(spec));
    assertThat(manifest.spec().model().standardizesInput()).isTrue();
    JsonNode layers =
        Json.MAPPER.readTree(run.resolve("manifest.json").toFile()).at("/spec/model/layers");
    assertThat(layers).hasSize(8);
    assertThat(layers.get(1).toString())
        .isEqualTo(
            "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"strides\":1,"
                + "\"padding\":\"same\",\"activation\":\"linear\",\"use_bias\":false}");
    assertThat(layers.get(6).toString()).isEqualTo("{\"type\":\"dropout\",\"rate\":0.25}");
    assertThat(Files.readString(run.resolve("summary.txt")))
        .contains(
            "standardize (Standardize)",
            "conv2d (Conv2D)",
            "(None, 8, 8, 4)",
            "max_pooling2d (MaxPooling2D)",
            "(None, 4, 4, 4)",
            "dense (Dense)");

    // replayed from its manifest alone: the same epochs
    executor().train(manifest.spec(), tmp.resolve("replay"), "test", out);
    assertThat(RunExecutorTest.losses(tmp.resolve("replay/layers-quadrants-all-1")))
        .isEqualTo(RunExecutorTest.losses(run));

    // interrupted after epoch 2 and resumed: the same epochs again
    Callback crash = Crashes.afterEpoch(2);
    assertThatThrownBy(
            () ->
                executor()
                    .withCallbacks(List.of(crash))
                    .train(spec, tmp.resolve("crashed"), "t", out))
        .hasMessageContaining("simulated crash");
    RunResult resumed = executor().resume(tmp.resolve("crashed/layers-quadrants-all-1"), out);
    assertThat(RunExecutorTest.losses(tmp.resolve("crashed/layers-quadrants-all-1")))
        .isEqualTo(RunExecutorTest.losses(run));
    assertThat(resumed.testLoss()).isEqualTo(r.testLoss());

    // the SavedModel, loaded on its own, predicts the test images as the run's checkpoint did
    Path exported;
    try (RestoredRun restored = RestoredRun.open(run, "best", catalog(), zoo)) {
      exported = SavedModelExport.export(restored, run.resolve("saved_model"));
    }
    long[] predicted =
        Files.readAllLines(run.resolve("test-predictions.csv")).stream()
            .skip(1)
            .mapToLong(l -> Long.parseLong(l.split(",")[2]))
            .toArray();
    float[] images = new float[TEST.size() * 64];
    for (int i = 0; i < TEST.size(); i++) {
      TEST.copyScaled(i, images, i * 64);
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(exported.toString(), "serve");
        TFloat32 x =
            TFloat32.tensorOf(Shape.of(TEST.size(), 8, 8, 1), DataBuffers.of(images, true, false));
        Result res =
            bundle
                .function("serving_default")
                .call(Map.<String, Tensor>of(SavedModelExport.INPUT, x))) {
      TInt64 classes = (TInt64) res.get(SavedModelExport.CLASSES).orElseThrow();
      long[] fromSavedModel = IntStream.range(0, TEST.size()).mapToLong(classes::getLong).toArray();
      assertThat(fromSavedModel).isEqualTo(predicted);
    }
  }

  @Test
  void weightNormalisedLayersGetTheirDataInitialisationInARun() throws Exception {
    String wn =
        "[{\"type\": \"wn_conv2d\", \"filters\": 4, \"kernel\": 3, \"strides\": 2, \"padding\": \"same\","
            + " \"activation\": \"relu\"}, {\"type\": \"flatten\"}, {\"type\": \"gaussian_noise\", \"stddev\": 0.1},"
            + " {\"type\": \"wn_dense\", \"units\": 4}]";
    RunResult r = executor().train(fromFile(specFile(wn, 2)), tmp.resolve("runs"), "test", out);
    assertThat(r.testMetric()).isGreaterThan(0.9);
  }

  @Test
  void aListThatDoesNotFitTheDataStopsBeforeARunFolderExists() throws Exception {
    String bad =
        "[{\"type\": \"flatten\"}, {\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3},"
            + " {\"type\": \"dense\", \"units\": 4}]";
    RunSpec spec = fromFile(specFile(bad, 1));
    assertThatThrownBy(() -> executor().train(spec, tmp.resolve("runs"), "test", out))
        .hasMessage(
            "model.layers[1] (conv2d): needs an (height, width, channels) input, got (None, 64); add "
                + "{\"type\": \"reshape\", \"target_shape\": [H, W, C]} before it");
    assertThat(tmp.resolve("runs")).doesNotExist();
    String head = "[{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 10}]";
    assertThatThrownBy(
            () -> executor().train(fromFile(specFile(head, 1)), tmp.resolve("runs"), "t", out))
        .hasMessageStartingWith(
            "model.layers[1] (dense): the last layer gives the logits and must output (None, 4) "
                + "for the 4 classes, got (None, 10)");
  }

  @Test
  void aBadLayerInASpecFileIsOneLineNamingTheFileTheLayerAndTheField() throws Exception {
    Path f =
        specFile(
            "[{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 4, \"use_bias\": false}]",
            1);
    assertThatThrownBy(() -> fromFile(f))
        .hasMessage(
            "spec file "
                + f.getFileName()
                + ": model.layers[1] (dense): unknown field "
                + "\"use_bias\"; dense takes units, activation, kernel_initializer");
    Path g = specFile("[{\"type\": \"flatten\"}, {\"type\": \"dens\", \"units\": 4}]", 1);
    assertThatThrownBy(() -> fromFile(g))
        .hasMessageStartingWith(
            "spec file "
                + g.getFileName()
                + ": model.layers[1]: unknown layer type "
                + "\"dens\"; use one of: dense, conv1d, conv2d")
        .hasMessageNotContaining("\n");
    Path h = tmp.resolve("epochs.json");
    Files.writeString(h, "{\"model\": {\"type\": \"cnn\"}, \"epochs\": 0}");
    assertThatThrownBy(() -> fromFile(h))
        .hasMessage("spec file " + h.getFileName() + ": spec.epochs must be > 0, got 0");
  }

  @Test
  void theExampleSpecFilesRead() throws Exception {
    for (String name : List.of("layers-cnn.json", "layers-mlp.json")) {
      RunSpec s = fromFile(Path.of("..", "examples", name));
      assertThat(s.model().type()).isEqualTo("layers");
      zoo.validate(executor().resolve(s).model(), InputSpec.images(28, 28, 1, 10));
    }
  }
}
