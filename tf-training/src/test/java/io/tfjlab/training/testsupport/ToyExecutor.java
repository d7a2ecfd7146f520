package io.tfjlab.training.testsupport;

import com.google.inject.Guice;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.run.RunExecutor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A run executor over the toy problems and the zoo, its data cache in {@code dataDir}. */
public final class ToyExecutor {
  private ToyExecutor() {}

  /** The executor of the toy problems (toy-xor, toy-blobs, toy-linreg): no data set files. */
  public static RunExecutor of(Path dataDir, PrintStream out) {
    DatasetCatalog catalog =
        new DatasetCatalog(Map.of(), new DatasetStore(dataDir, Optional.empty(), out));
    ModelZoo zoo = Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    return new RunExecutor(catalog, zoo);
  }
}
