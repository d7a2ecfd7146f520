package io.tfjlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoreMirror} when the training child swaps in a new checkpoint while the mirror copies the
 * previous one: the copy, whose files may come from both, is dropped, and the next mirror copies
 * the new checkpoint whole.
 */
class StoreMirrorTest {
  @TempDir Path dir;

  private static void checkpoint(Path run, String state, String weights) throws IOException {
    Path last = run.resolve("checkpoints").resolve("last");
    Path tmp = run.resolve("checkpoints").resolve(".tmp-last");
    Files.createDirectories(tmp);
    Files.writeString(tmp.resolve("model.data-00000-of-00001"), weights);
    Files.writeString(tmp.resolve(StoreMirror.TRAINER_STATE), state);
    LocalRunStore.deleteTree(last);
    Files.move(tmp, last);
  }

  @Test
  void aCheckpointSwappedDuringItsCopyIsNotMirroredUntilItIsCopiedWhole() throws IOException {
    Path local = dir.resolve("local").resolve("run");
    checkpoint(local, "{\"epoch\": 8}", "weights of epoch 8");
    Files.writeString(local.resolve("manifest.json"), "{}");
    RunStore real = new LocalRunStore(dir.resolve("store"));
    AtomicBoolean swapDuringCopy = new AtomicBoolean(true);
    RunStore store =
        (RunStore)
            Proxy.newProxyInstance(
                RunStore.class.getClassLoader(),
                new Class<?>[] {RunStore.class},
                (proxy, method, args) -> {
                  try {
                    Object result = method.invoke(real, args);
                    if (method.getName().equals("uploadTree") && swapDuringCopy.getAndSet(false)) {
                      // the child writes the next epoch's checkpoint just after the copy read it
                      checkpoint(local, "{\"epoch\": 9}", "weights of epoch 9");
                    }
                    return result;
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    StoreMirror mirror = new StoreMirror(store, "run");
    assertThat(mirror.hasNewCheckpoint(local)).isTrue();
    assertThat(mirror.mirror(local, false)).isFalse();
    Path last = dir.resolve("store").resolve("run").resolve("checkpoints").resolve("last");
    assertThat(last).doesNotExist();
    try (var s = Files.list(last.getParent())) {
      assertThat(s).isEmpty(); // the dropped copy's temporary folder is gone too
    }
    assertThat(mirror.hasNewCheckpoint(local)).isTrue();
    assertThat(mirror.mirror(local, false)).isTrue();
    assertThat(last.resolve(StoreMirror.TRAINER_STATE)).hasContent("{\"epoch\": 9}");
    assertThat(last.resolve("model.data-00000-of-00001")).hasContent("weights of epoch 9");
    assertThat(mirror.hasNewCheckpoint(local)).isFalse();
  }
}
