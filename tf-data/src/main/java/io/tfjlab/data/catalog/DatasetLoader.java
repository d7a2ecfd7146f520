package io.tfjlab.data.catalog;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.acquire.Materialized;

/** Reads a data set's verified files from the cache into memory. */
@FunctionalInterface
public interface DatasetLoader {
  Dataset load(DatasetDescriptor descriptor, Materialized files);
}
