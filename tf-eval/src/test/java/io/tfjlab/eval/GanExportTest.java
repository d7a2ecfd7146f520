package io.tfjlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.SavedModelExport;
import io.tfjlab.training.spec.SpecResolver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A short DCGAN run end to end: sample grids, then a SavedModel whose generate signature is the
 * trained generator (the same images as the restored checkpoint for the same noise).
 */
@Tag("integration")
class GanExportTest {
  @TempDir Path tmp;

  @Test
  void aDcganRunWritesSampleGridsAndExportsAGenerator() throws Exception {
    Injector injector = Guice.createInjector(new TrainingModule(DataModule.DataOptions.defaults()));
    // one short epoch on a 6,000-image slice of the training part (validation takes the rest)
    RunSpec spec =
        new SpecResolver(injector.getInstance(ModelZoo.class))
            .resolve(
                List.of(
                    new SpecLayer(
                        "test",
                        (ObjectNode)
                            Json.MAPPER.readTree(
                                "{\"model\": {\"type\": \"dcgan\"}, \"epochs\": 1, \"validation\": 0.9, "
                                    + "\"threads\": 2}"))))
            .spec();
    injector
        .getInstance(RunExecutor.class)
        .train(spec, tmp.resolve("runs"), "test", new PrintStream(new ByteArrayOutputStream()));
    Path run = tmp.resolve("runs/dcgan-mnist-all-1");
    try (Stream<Path> s = Files.list(run.resolve("samples"))) {
      assertThat(s.map(p -> p.getFileName().toString())).contains("gan-epoch-001.png");
    }
    // three fixed noise vectors; the generator restored from the checkpoint draws them first
    float[][] z = new float[3][100];
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (float[] row : z) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) random.nextDouble(-1, 1);
      }
    }
    Path exported;
    float[][] restored;
    try (RestoredRun r =
        RestoredRun.open(
            run,
            "last",
            injector.getInstance(DatasetCatalog.class),
            injector.getInstance(ModelZoo.class))) {
      BuiltModel.Generator g = r.model().generator().orElseThrow();
      try (TFloat32 noise = noise(z);
          Result out = r.session().runner().feed(g.noise(), noise).fetch(g.images()).run()) {
        restored = pixels((TFloat32) out.get(0));
      }
      exported = SavedModelExport.export(r, run.resolve("saved_model"));
    }
    try (SavedModelBundle b = SavedModelBundle.load(exported.toString(), "serve");
        TFloat32 noise = noise(z);
        Result out = b.function("serving_default").call(Map.<String, Tensor>of("noise", noise))) {
      TFloat32 images = (TFloat32) out.get("images").orElseThrow();
      assertThat(images.shape()).isEqualTo(Shape.of(3, 28, 28, 1));
      float[][] served = pixels(images);
      // the exported generate signature is the trained generator: the same images for the same
      // noise
      for (int i = 0; i < 3; i++) {
        assertThat(served[i]).as("image %d", i).containsExactly(restored[i], within(1e-5f));
      }
      // and it depends on its noise: no collapsed or constant output
      assertThat(maxAbsDifference(served[0], served[1])).isGreaterThan(0.01);
      assertThat(maxAbsDifference(served[1], served[2])).isGreaterThan(0.01);
      assertThat(std(served[0])).isGreaterThan(0.01);
    }
  }

  private static TFloat32 noise(float[][] z) {
    TFloat32 t = TFloat32.tensorOf(Shape.of(z.length, z[0].length));
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z[i].length; j++) {
        t.setFloat(z[i][j], i, j);
      }
    }
    return t;
  }

  /** The images of a [n, 28, 28, 1] tensor, one flat array each. */
  private static float[][] pixels(TFloat32 images) {
    int n = (int) images.shape().get(0);
    float[][] out = new float[n][28 * 28];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          out[i][y * 28 + x] = images.getFloat(i, y, x, 0);
        }
      }
    }
    return out;
  }

  private static double maxAbsDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static double std(float[] a) {
    double mean = 0;
    for (float v : a) {
      mean += v / (double) a.length;
    }
    double var = 0;
    for (float v : a) {
      var += (v - mean) * (v - mean) / a.length;
    }
    return Math.sqrt(var);
  }
}
