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
    Lease first = Lease.take(store, "run-1", "attempt 0");
    assertThat(first.held()).isTrue();
    first.check();
    Lease second = Lease.take(store, "run-1", "attempt 1");
    assertThat(second.held()).isTrue();
    assertThat(first.held()).isFalse();
    assertThatThrownBy(first::check)
        .isInstanceOf(Lease.LeaseLostException.class)
        .hasMessageContaining("another attempt took the lease")
        .hasMessageContaining("run-1.lease");
    // another run's lease is its own
    assertThat(Lease.take(store, "run-2", "attempt 0").held()).isTrue();
    assertThat(second.held()).isTrue();
  }
}
