package io.tfjlab.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.training.spec.SpecResolver;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.SavedModelExport;
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

/** A short DCGAN run end to end: sample grids, then a SavedModel whose generate signature makes digits. */
@Tag("integration")
class GanExportTest {
  @TempDir Path tmp;

  @Test
  void aDcganRunWritesSampleGridsAndExportsAGenerator() throws Exception {
    Injector injector = Guice.createInjector(new TrainingModule(DataModule.DataOptions.defaults()));
    // one short epoch on a 6,000-image slice of the training part (validation takes the rest)
    RunSpec spec = new SpecResolver(injector.getInstance(ModelZoo.class)).resolve(List.of(new SpecLayer("test",
        (ObjectNode) Json.MAPPER.readTree("{\"model\": {\"type\": \"dcgan\"}, \"epochs\": 1, \"validation\": 0.9, "
            + "\"threads\": 2}")))).spec();
    injector.getInstance(RunExecutor.class).train(spec, tmp.resolve("runs"), "test",
        new PrintStream(new ByteArrayOutputStream()));
    Path run = tmp.resolve("runs/dcgan-mnist-all-1");
    try (Stream<Path> s = Files.list(run.resolve("samples"))) {
      assertThat(s.map(p -> p.getFileName().toString())).contains("gan-epoch-001.png");
    }
    Path exported;
    try (RestoredRun r = RestoredRun.open(run, "last", injector.getInstance(DatasetCatalog.class),
        injector.getInstance(ModelZoo.class))) {
      exported = SavedModelExport.export(r, run.resolve("saved_model"));
    }
    try (SavedModelBundle b = SavedModelBundle.load(exported.toString(), "serve");
        TFloat32 noise = TFloat32.tensorOf(Shape.of(3, 100));
        Result out = b.function("serving_default").call(Map.<String, Tensor>of("noise", noise))) {
      TFloat32 images = (TFloat32) out.get("images").orElseThrow();
      assertThat(images.shape()).isEqualTo(Shape.of(3, 28, 28, 1));
      float v = images.getFloat(0, 14, 14, 0);
      assertThat(v).isBetween(0f, 1f);
    }
  }
}
