package io.tfjlab.cli;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.user.DatasetExport;
import java.nio.file.Path;
import java.util.Set;

/**
 * The test set beside a notebook, {@code test-set.npz}, for its Python re-check of a SavedModel
 * when the data set is not one the notebook reads from the data cache's IDX files (MNIST,
 * Fashion-MNIST): an image folder, npz, CSV, USPS, CIFAR-10. The decoded images as tfjlab feeds
 * them (after --image-size and --color), so that Python sees what Java saw.
 */
final class NotebookTestSet {
  /** The data sets the notebook reads from the data cache itself. */
  static final Set<String> FROM_CACHE = Set.of("mnist", "fashion-mnist");

  /** The file name the notebook's loader cell looks for first. */
  static final String FILE = "test-set.npz";

  private NotebookTestSet() {}

  /** Writes {@code dir/test-set.npz} for {@code dataset} unless the notebook reads it itself. */
  static void write(String dataset, Path dir, DataOptions data) {
    if (dataset == null || FROM_CACHE.contains(dataset) || dataset.startsWith("toy-")) {
      return;
    }
    try {
      DatasetCatalog catalog =
          Guice.createInjector(new DataModule(data)).getInstance(DatasetCatalog.class);
      DatasetExport.writeTestSet(catalog.load(dataset), dir.resolve(FILE));
    } catch (Exception e) {
      System.err.println(
          "warning: no "
              + FILE
              + " for the notebook's Python check ("
              + dataset
              + ": "
              + e.getMessage()
              + "); its check cell will say so");
    }
  }
}
