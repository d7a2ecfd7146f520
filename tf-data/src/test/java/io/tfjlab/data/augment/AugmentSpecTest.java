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

  @Test
  void unlabeledIsWrittenOnlyWhenGivenAndNeedsATransformation() throws Exception {
    AugmentSpec all = new AugmentSpec(10, 0.1, 0.1, 0, true);
    String json = strict.writeValueAsString(all);
    assertThat(json).contains("\"unlabeled\":true").doesNotContain("appliesToUnlabeled");
    assertThat(strict.readValue(json, AugmentSpec.class)).isEqualTo(all);
    assertThat(all.appliesToUnlabeled()).isTrue();
    assertThat(strict.writeValueAsString(AugmentSpec.digits())).doesNotContain("unlabeled");
    assertThat(AugmentSpec.digits().appliesToUnlabeled()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AugmentSpec(0, 0, 0, 0, true))
        .hasMessage(
            "augment.unlabeled needs a transformation (rotationDegrees, zoom, shift or brightness >"
                + " 0), e.g. --augment");
  }
}
