package io.tfjlab.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.training.RunSpec;
import org.junit.jupiter.api.Test;

/** {@code --augment} / {@code --no-augment} over the model's recipe. */
class AugmentOptionTest {
  static RunSpec spec(String... args) {
    return Options.resolve(args).spec();
  }

  @Test
  void theRecipeDecidesUnlessTheOptionIsGiven() {
    assertThat(spec("--model", "cnn").augment()).isNull();
    assertThat(spec("--model", "cnn", "--augment").augment()).isEqualTo(AugmentSpec.digits());
    assertThat(spec("--model", "sgan").augment()).isNull();
    assertThat(spec("--model", "sgan", "--discriminator", "cnn").augment())
        .isEqualTo(AugmentSpec.digits());
    assertThat(spec("--model", "sgan", "--discriminator", "cnn", "--no-augment").augment())
        .isNull();
  }
}
