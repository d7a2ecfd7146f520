package io.tfjlab.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.training.TrainerState;
import io.tfjlab.training.callbacks.CsvLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class CheckpointerTest {
  @TempDir Path tmp;

  @Test
  void aSaveInterruptedBetweenItsRenamesLeavesARestorableCheckpoint() throws Exception {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> v = tf.withName("v").variable(tf.constant(1f));
      try (Session s = new Session(g)) {
        s.initialize();
        Checkpointer c = new Checkpointer(tmp.resolve("checkpoints"));
        c.save(s, "last", new TrainerState(0, 3, 30, 0.5, 2, 1, false));
        // a crash after "last" was moved aside and before the new one was moved in
        Files.move(tmp.resolve("checkpoints/last"), tmp.resolve("checkpoints/.old-last"));
        assertThat(c.exists("last")).isTrue();
        assertThat(c.state("last")).get().extracting(TrainerState::epoch).isEqualTo(3);
        s.run(tf.assign(v, tf.constant(7f)));
        assertThat(c.restore(s, "last").step()).isEqualTo(30);
        try (Result r = s.runner().fetch(v).run()) {
          assertThat(((TFloat32) r.get(0)).getFloat()).isEqualTo(1f);
        }
        c.save(s, "last", new TrainerState(0, 4, 40, 0.4, 4, 0, false));
        assertThat(tmp.resolve("checkpoints/last")).isDirectory();
        assertThat(tmp.resolve("checkpoints/.old-last")).doesNotExist();
        assertThat(c.state("last")).get().extracting(TrainerState::epoch).isEqualTo(4);
        try (var files = Files.list(tmp.resolve("checkpoints"))) {
          assertThat(files.map(p -> p.getFileName().toString())).containsExactly("last");
        }
      }
    }
    assertThatThrownBy(() -> new Checkpointer(tmp.resolve("none")).restore(null, "best"))
        .hasMessageContaining("no 'best' checkpoint");
  }

  @Test
  void resumingDropsHistoryRowsWrittenAfterTheRestoredCheckpoint() throws Exception {
    Path csv = tmp.resolve("history.csv");
    Files.write(
        csv,
        List.of(
            "phase,epoch,loss",
            "autoencoder,1,0.5",
            "autoencoder,2,0.4",
            "classifier,1,0.3",
            "classifier,2,0.2",
            "classifier,3,0.1"));
    CsvLogger.trimAfter(csv, List.of("autoencoder", "classifier"), 1, 2);
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            "phase,epoch,loss",
            "autoencoder,1,0.5",
            "autoencoder,2,0.4",
            "classifier,1,0.3",
            "classifier,2,0.2");
  }
}
