package io.tfjlab.data;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.BuiltInDatasets;
import io.tfjlab.data.catalog.DatasetDescriptor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Guice wiring of tf-data: the built-in data sets (a {@link MapBinder} other modules can add to)
 * and the store with its cache root and optional user-given directory.
 */
public final class DataModule extends AbstractModule {
  private final DataOptions options;

  public DataModule(DataOptions options) {
    this.options = options;
  }

  public DataModule() {
    this(DataOptions.defaults());
  }

  @Override
  protected void configure() {
    MapBinder<String, DatasetDescriptor> datasets =
        MapBinder.newMapBinder(binder(), String.class, DatasetDescriptor.class);
    for (DatasetDescriptor d :
        new DatasetDescriptor[] {
          BuiltInDatasets.mnist(), BuiltInDatasets.fashionMnist(),
          BuiltInDatasets.usps(), BuiltInDatasets.cifar10()
        }) {
      datasets.addBinding(d.name()).toInstance(d);
    }
  }

  @Provides
  @Singleton
  DatasetStore store() {
    Path root = options.cacheRoot().orElseGet(DatasetStore::defaultCacheRoot);
    return new DatasetStore(root, options.fromDirectory(), System.err);
  }

  /**
   * Where data comes from.
   *
   * @param cacheRoot the cache root; empty means {@link DatasetStore#defaultCacheRoot()}
   * @param fromDirectory a directory the user already holds the files in
   */
  public record DataOptions(Optional<Path> cacheRoot, Optional<Path> fromDirectory) {
    public static DataOptions defaults() {
      return new DataOptions(Optional.empty(), Optional.empty());
    }

    /**
     * Refuses {@code --from} when none of {@code datasets} is a catalog data set: a user's folder,
     * npz or CSV file and the toy problems read no catalog files, so it would be ignored.
     */
    public void checkFromApplies(java.util.Collection<String> datasets) {
      if (fromDirectory.isPresent()
          && datasets.stream()
              .allMatch(
                  d -> d.startsWith("toy-") || io.tfjlab.data.user.DatasetRef.isReference(d))) {
        throw new IllegalArgumentException(
            "--from "
                + fromDirectory.get()
                + " gives the files of a catalog data set (mnist, fashion-mnist, usps, cifar10); "
                + String.join(", ", datasets)
                + " reads no catalog files: leave --from out");
      }
    }
  }
}
