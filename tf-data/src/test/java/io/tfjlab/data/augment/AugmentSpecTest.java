package io.tfjlab.data.augment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AugmentSpecTest {
  private final ObjectMapper strict =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  @Test
  void roundTripsThroughJsonWithoutTheDerivedIdentityFlag() throws Exception {
    String json = strict.writeValueAsString(AugmentSpec.digits());
    assertThat(json).doesNotContain("identity");
    assertThat(strict.readValue(json, AugmentSpec.class)).isEqualTo(AugmentSpec.digits());
  }

  @Test
  void readsManifestsWrittenWithTheIdentityFlag() throws Exception {
    String old =
        "{\"rotationDegrees\":10.0,\"zoom\":0.1,\"shift\":0.1,\"brightness\":0.0,\"identity\":false}";
    assertThat(strict.readValue(old, AugmentSpec.class)).isEqualTo(AugmentSpec.digits());
  }
}
