package io.tfjlab.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The store the tasks write their run folders into, seen through paths relative to its root ({@code
 * "<folder>/checkpoints/last"}, {@code "/"}-separated): a local folder every worker mounts ({@link
 * LocalRunStore}) or a Hadoop file system ({@link HadoopRunStore}: {@code hdfs://}, {@code s3a://},
 * ...). Names starting with {@code .tmp-} are writes under way; {@code .old-NAME} is the previous
 * {@code NAME} while a replacement is swapped in by two renames, read in its place when {@code
 * NAME} is missing (a writer stopped between the renames).
 */
interface RunStore {
  /** The store's location of {@code rel}, for messages. */
  String describe(String rel);

  /** The store folder as a local path, when it is one (a file: store). */
  Optional<Path> localPath(String rel);

  boolean exists(String rel) throws IOException;

  /** The text of a file (or of its {@code .old-} copy while it is swapped), if there is one. */
  Optional<String> readString(String rel) throws IOException;

  /** Size and modification time of a file, if it exists. */
  Optional<long[]> sizeAndTime(String rel) throws IOException;

  void mkdirs(String rel) throws IOException;

  /**
   * Writes {@code local}'s bytes under {@code rel}: to a temporary name beside it, then into place
   * (the old file replaced atomically, or by two renames where the file system cannot rename over a
   * file); the modification time is kept where the file system can set it.
   */
  void upload(Path local, String rel) throws IOException;

  /** As {@link #upload}, for a short text. */
  void writeString(String rel, String text) throws IOException;

  /** Copies a local folder to {@code rel} (a temporary name: the caller renames it into place). */
  void uploadTree(Path local, String rel) throws IOException;

  /**
   * Copies the store folder {@code rel} to {@code local}: temporary names left out, an {@code
   * .old-NAME} taken as {@code NAME} when {@code NAME} is missing.
   */
  void downloadTree(String rel, Path local) throws IOException;

  /** Renames {@code from} to {@code to}, which must not exist; fails if it cannot. */
  void rename(String from, String to) throws IOException;

  /** Deletes a file or folder tree, if it exists. */
  void delete(String rel) throws IOException;

  /** The names in a store folder (empty when it does not exist). */
  List<String> list(String rel) throws IOException;

  /** {@code a/b} from {@code a} and {@code b}. */
  static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "/" + child;
  }

  /** {@code a/b} → {@code a}; a name alone → the root, {@code ""}. */
  static String parent(String rel) {
    int i = rel.lastIndexOf('/');
    return i < 0 ? "" : rel.substring(0, i);
  }

  /** {@code a/b} → {@code b}. */
  static String name(String rel) {
    return rel.substring(rel.lastIndexOf('/') + 1);
  }
}
