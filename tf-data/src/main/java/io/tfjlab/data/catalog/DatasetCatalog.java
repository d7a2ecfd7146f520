package io.tfjlab.data.catalog;

import com.google.inject.Inject;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.acquire.Materialized;
import io.tfjlab.data.user.DatasetRef;
import io.tfjlab.data.user.UserDatasets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data sets by name: finds their descriptor, brings their files into the cache, loads them. A
 * user's data set reference ({@code folder:DIR}, {@code npz:FILE}, {@code csv:FILE}, see {@link
 * DatasetRef}) is taken wherever a name is.
 */
public final class DatasetCatalog {
  private final Map<String, DatasetDescriptor> descriptors;
  private final DatasetStore store;
  // the last user data set loaded: descriptor() then load() of one reference read it once
  private String lastRef;
  private Dataset lastUser;

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

  /**
   * The catalog entry of {@code name}; for a user's reference, an entry made from the data (read
   * once, from its cache when it has one).
   */
  public DatasetDescriptor descriptor(String name) {
    if (DatasetRef.isReference(name)) {
      return UserDatasets.descriptor(DatasetRef.parse(name), loadUser(name));
    }
    DatasetDescriptor d = descriptors.get(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown data set '"
              + name
              + "'; known: "
              + String.join(", ", descriptors.keySet())
              + ", or your own: folder:DIR, npz:FILE, csv:FILE");
    }
    return d;
  }

  /**
   * Fetches (if needed) and verifies the files of a data set, without reading them; a user's data
   * set is read (its digests are those of its content).
   */
  public Materialized fetch(String name) {
    if (DatasetRef.isReference(name)) {
      Dataset ds = loadUser(name);
      return new Materialized(ds.location(), ds.checksums(), "your files");
    }
    return store.materialize(descriptor(name));
  }

  /** Fetches (if needed), verifies and reads a data set. */
  public Dataset load(String name) {
    if (DatasetRef.isReference(name)) {
      return loadUser(name);
    }
    DatasetDescriptor d = descriptor(name);
    return d.loader().load(d, store.materialize(d));
  }

  private synchronized Dataset loadUser(String name) {
    if (!name.equals(lastRef)) {
      lastUser = null;
      lastUser = UserDatasets.load(DatasetRef.parse(name), store.cacheRoot(), System.err);
      lastRef = name;
    }
    return lastUser;
  }
}
