package io.tfjlab.training.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.SganSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code train}'s sgan options: minibatch discrimination and label smoothing reach the model spec.
 */
class MinibatchOptionsTest {
  static SganSpec model(String... args) {
    return (SganSpec) Options.resolve(args).spec().model();
  }

  @Test
  void minibatchKernelsAloneTakesTheReferenceCountAndDimsAreOptional() {
    assertThat(model("--model", "sgan").minibatchKernels()).isZero();
    assertThat(model("--model", "sgan", "--minibatch-kernels").minibatchKernels()).isEqualTo(100);
    SganSpec s = model("--model", "sgan", "--minibatch-kernels", "--label-smoothing", "0.1");
    assertThat(s.minibatchKernels()).isEqualTo(100);
    assertThat(s.labelSmoothing()).isEqualTo(0.1);
    SganSpec given = model("--model", "sgan", "--minibatch-kernels", "30", "--minibatch-dims", "4");
    assertThat(given.minibatchKernels()).isEqualTo(30);
    assertThat(given.minibatchDims()).isEqualTo(4);
    assertThat(model("--model", "sgan", "--minibatch-kernels", "0").usesMinibatchDiscrimination())
        .isFalse();
  }

  @Test
  void outOfRangeValuesNameTheField() {
    assertThatThrownBy(() -> model("--model", "sgan", "--minibatch-kernels", "1001"))
        .hasMessageContaining("model.minibatchKernels");
    assertThatThrownBy(
            () -> model("--model", "sgan", "--minibatch-kernels", "10", "--minibatch-dims", "0"))
        .hasMessageContaining("model.minibatchDims");
  }

  @Test
  void theHelpDescribesTheOptions() {
    String help = new CommandLine(new TrainCommand()).getUsageMessage().replaceAll("\\s+", " ");
    assertThat(help)
        .contains(
            "--minibatch-kernels[=B]",
            "--minibatch-dims=C",
            "Salimans et al. 2016, 3.2",
            "0 = off (the default)",
            "each among themselves",
            "sgan default 0");
  }
}
