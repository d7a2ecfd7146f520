package io.tfjlab.data.catalog;

import com.google.inject.Inject;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.acquire.Materialized;
import java.util.Map;
import java.util.TreeMap;

/** Data sets by name: finds their descriptor, brings their files into the cache, loads them. */
public final class DatasetCatalog {
  private final Map<String, DatasetDescriptor> descriptors;
  private final DatasetStore store;

  @Inject
  public DatasetCatalog(Map<String, DatasetDescriptor> descriptors, DatasetStore store) {
    this.descriptors = new TreeMap<>(descriptors);
    this.store = store;
  }

  public Iterable<String> names() {
    return descriptors.keySet();
  }

  public DatasetStore store() {
    return store;
  }

  public DatasetDescriptor descriptor(String name) {
    DatasetDescriptor d = descriptors.get(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown data set '" + name + "'; known: " + String.join(", ", descriptors.keySet()));
    }
    return d;
  }

  /** Fetches (if needed) and verifies the files of a data set, without reading them. */
  public Materialized fetch(String name) {
    return store.materialize(descriptor(name));
  }

  /** Fetches (if needed), verifies and reads a data set. */
  public Dataset load(String name) {
    DatasetDescriptor d = descriptor(name);
    return d.loader().load(d, store.materialize(d));
  }
}
