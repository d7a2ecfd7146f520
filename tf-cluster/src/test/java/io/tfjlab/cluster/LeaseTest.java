package io.tfjlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseTest {
  @TempDir Path store;

  @Test
  void aNewerAttemptTakesTheLeaseAndTheEarlierOneStops() {
    Lease first = Lease.take(new LocalRunStore(store), "run-1", "attempt 0");
    assertThat(first.held()).isTrue();
    first.check();
    Lease second = Lease.take(new LocalRunStore(store), "run-1", "attempt 1");
    assertThat(second.held()).isTrue();
    assertThat(first.held()).isFalse();
    assertThatThrownBy(first::check)
        .isInstanceOf(Lease.LeaseLostException.class)
        .hasMessageContaining("another attempt took the lease")
        .hasMessageContaining("run-1.lease");
    // another run's lease is its own
    assertThat(Lease.take(new LocalRunStore(store), "run-2", "attempt 0").held()).isTrue();
    assertThat(second.held()).isTrue();
  }

  @Test
  void onAHadoopStoreTheLeaseWorksTheSame() throws java.io.IOException {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    conf.set("fs.tfjtest.impl", TfjTestFileSystem.class.getName());
    conf.set("fs.tfjtest.root", store.toString());
    conf.set("fs.tfjtest.impl.disable.cache", "true");
    RunStore hadoop = HadoopRunStore.open(java.net.URI.create("tfjtest:///leases-test"), conf);
    long renames = TfjTestFileSystem.renames.get();
    Lease first = Lease.take(hadoop, "run-1", "attempt 0");
    assertThat(first.held()).isTrue();
    Lease second = Lease.take(hadoop, "run-1", "attempt 1");
    assertThat(second.held()).isTrue();
    assertThat(first.held()).isFalse();
    assertThatThrownBy(first::check)
        .isInstanceOf(Lease.LeaseLostException.class)
        .hasMessageContaining("tfjtest:/leases-test/.leases/run-1.lease");
    assertThat(store.resolve("leases-test/.leases/run-1.lease")).content().contains("attempt 1");
    // the second take renamed the old lease aside, then the new one into place
    assertThat(TfjTestFileSystem.renames.get() - renames).isGreaterThanOrEqualTo(3);
    try (var s = java.nio.file.Files.list(store.resolve("leases-test/.leases"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("run-1.lease");
    }
  }
}
