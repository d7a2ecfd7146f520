package io.tfjlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HadoopRunStore} on the {@code tfjtest:} file system: a file replaced by renames (no {@code
 * .tmp-} or {@code .old-} name left), its time kept, and a writer stopped between the two renames
 * ({@code .old-NAME} there, {@code NAME} not) read, downloaded and repaired as if {@code NAME} were
 * there.
 */
class HadoopRunStoreTest {
  @TempDir Path root;

  private RunStore store() {
    Configuration conf = new Configuration();
    conf.set("fs.tfjtest.impl", TfjTestFileSystem.class.getName());
    conf.set("fs.tfjtest.root", root.toString());
    conf.set("fs.tfjtest.impl.disable.cache", "true");
    return HadoopRunStore.open(URI.create("tfjtest:///s"), conf);
  }

  private static long[] names(Path dir, String prefix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return new long[] {s.filter(p -> p.getFileName().toString().startsWith(prefix)).count()};
    }
  }

  @Test
  void aFileIsReplacedByRenamesAndKeepsItsTime() throws IOException {
    RunStore store = store();
    Path local = root.resolve("local.txt");
    Files.writeString(local, "one");
    Files.setLastModifiedTime(local, FileTime.fromMillis(1_700_000_000_000L));
    store.upload(local, "run/history.csv");
    Files.writeString(local, "two, longer");
    Files.setLastModifiedTime(local, FileTime.fromMillis(1_700_000_001_000L));
    store.upload(local, "run/history.csv");
    Path onDisk = root.resolve("s/run/history.csv");
    assertThat(onDisk).hasContent("two, longer");
    assertThat(store.readString("run/history.csv")).contains("two, longer");
    assertThat(store.sizeAndTime("run/history.csv").orElseThrow())
        .containsExactly(11, 1_700_000_001_000L);
    assertThat(names(root.resolve("s"), ".tmp-")).containsExactly(0);
    assertThat(names(root.resolve("s"), ".old-")).containsExactly(0);
    assertThat(store.sizeAndTime("run/missing.csv")).isEmpty();
    assertThat(store.readString("run/missing.csv")).isEmpty();
    assertThat(store.list("run")).containsExactly("history.csv");
    assertThat(store.list("nothing-here")).isEmpty();
  }

  @Test
  void aWriterStoppedBetweenItsRenamesLeavesTheOldCopyInItsPlace() throws IOException {
    RunStore store = store();
    // as a mirror stopped after renaming 'last' and the manifest aside, before the new ones came
    Path run = Files.createDirectories(root.resolve("s/run"));
    Files.createDirectories(run.resolve("checkpoints/.old-last"));
    Files.writeString(run.resolve("checkpoints/.old-last/trainer-state.json"), "{\"epoch\": 3}");
    Files.createDirectories(run.resolve("checkpoints/.tmp-last-1234"));
    Files.writeString(run.resolve("checkpoints/.tmp-last-1234/trainer-state.json"), "partial");
    Files.writeString(run.resolve(".old-manifest.json"), "{\"status\": \"running\"}");
    Files.writeString(run.resolve("history.csv"), "h");
    Files.writeString(run.resolve(".old-history.csv"), "older h");

    assertThat(StoreMirror.lastState(store, "run")).contains("{\"epoch\": 3}");
    assertThat(store.readString("run/manifest.json")).contains("{\"status\": \"running\"}");
    Path copy = root.resolve("copy");
    store.downloadTree("run", copy);
    assertThat(copy.resolve("checkpoints/last/trainer-state.json")).hasContent("{\"epoch\": 3}");
    assertThat(copy.resolve("manifest.json")).hasContent("{\"status\": \"running\"}");
    assertThat(copy.resolve("history.csv")).hasContent("h"); // the file itself, not its old copy
    assertThat(names(copy, ".tmp-")).containsExactly(0);
    assertThat(names(copy, ".old-")).containsExactly(0);

    // the next write of the file puts the old copy back first, then replaces it
    store.writeString("run/manifest.json", "{\"status\": \"finished\"}");
    assertThat(run.resolve("manifest.json")).hasContent("{\"status\": \"finished\"}");
    assertThat(run.resolve(".old-manifest.json")).doesNotExist();
  }
}
