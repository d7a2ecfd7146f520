package io.tfjlab.training.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.testsupport.SyntheticImageDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code warning:} line per legal but suspicious value ({@link SpecWarnings}), and none for a
 * value just inside its threshold.
 */
class SpecWarningsTest {
  @TempDir Path tmp;

  static List<String> warnings(String json) throws Exception {
    return SpecWarnings.of(SpecResolverTest.resolve(json).spec());
  }

  static String only(String json) throws Exception {
    List<String> w = warnings(json);
    assertThat(w).as(json).hasSize(1);
    assertThat(w.get(0)).startsWith("warning: ").doesNotContain("\n");
    System.out.println(json + " -> " + w.get(0));
    return w.get(0);
  }

  @Test
  void aLearningRateAbove01ForAdamOr1ForSgd() throws Exception {
    assertThat(only("{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"learningRate\": 0.5}}"))
        .isEqualTo(
            "warning: learning rate 0.5 for adam is above 0.1, where training usually diverges;"
                + " is --lr meant?");
    assertThat(warnings("{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"learningRate\": 0.1}}"))
        .isEmpty();
    assertThat(
            only(
                "{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"name\": \"sgd\","
                    + " \"learningRate\": 2}}"))
        .contains("learning rate 2 for sgd is above 1");
    assertThat(
            warnings(
                "{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"name\": \"sgd\","
                    + " \"learningRate\": 0.5}}"))
        .isEmpty();
  }

  @Test
  void dropoutAtOrAbove09InAModelOrALayerList() throws Exception {
    assertThat(only("{\"model\": {\"type\": \"mlp\", \"dropout\": 0.9}}"))
        .isEqualTo(
            "warning: model.dropout 0.9 is at or above 0.9: almost every unit is dropped; is the"
                + " dropout rate meant?");
    assertThat(warnings("{\"model\": {\"type\": \"mlp\", \"dropout\": 0.5}}")).isEmpty();
    assertThat(
            only(
                "{\"model\": {\"type\": \"layers\", \"layers\": [{\"type\": \"flatten\"},"
                    + " {\"type\": \"dropout\", \"rate\": 0.95}, {\"type\": \"dense\", \"units\":"
                    + " 10}]}}"))
        .startsWith("warning: model.layers[1].rate 0.95 is at or above 0.9");
  }

  @Test
  void aValidationFractionAbove05() throws Exception {
    assertThat(only("{\"model\": {\"type\": \"mlp\"}, \"validation\": 0.6}"))
        .isEqualTo(
            "warning: validation fraction 0.6 holds out more than 0.5 of the training images; is"
                + " --validation meant?");
    assertThat(warnings("{\"model\": {\"type\": \"mlp\"}, \"validation\": 0.5}")).isEmpty();
  }

  @Test
  void moreThan1000EpochsInEitherPhase() throws Exception {
    assertThat(only("{\"model\": {\"type\": \"mlp\"}, \"epochs\": 1001}"))
        .isEqualTo("warning: 1001 epochs is more than 1000; is --epochs meant?");
    assertThat(only("{\"model\": {\"type\": \"ae-classifier\"}, \"pretrainEpochs\": 5000}"))
        .isEqualTo(
            "warning: 5000 pre-training epochs is more than 1000; is --pretrain-epochs meant?");
    assertThat(warnings("{\"model\": {\"type\": \"mlp\"}, \"epochs\": 1000}")).isEmpty();
  }

  @Test
  void anL2WeightAbove01() throws Exception {
    assertThat(only("{\"model\": {\"type\": \"mlp\"}, \"l2\": 0.5}"))
        .isEqualTo(
            "warning: L2 weight 0.5 is above 0.1 and will outweigh the loss; is --l2 meant?");
    assertThat(warnings("{\"model\": {\"type\": \"mlp\"}, \"l2\": 0.1}")).isEmpty();
  }

  @Test
  void aPatienceThatCanNeverStop() throws Exception {
    assertThat(only("{\"model\": {\"type\": \"mlp\"}, \"epochs\": 5, \"patience\": 5}"))
        .isEqualTo(
            "warning: patience 5 is not below the 5 epochs, so early stopping can never stop the"
                + " run; is --patience meant?");
    assertThat(warnings("{\"model\": {\"type\": \"mlp\"}, \"epochs\": 5, \"patience\": 4}"))
        .isEmpty();
  }

  @Test
  void theBuiltInDefaultsOfEveryModelGiveNone() throws Exception {
    for (String type :
        List.of("linear", "mlp", "cnn", "autoencoder", "ae-classifier", "dcgan", "sgan")) {
      assertThat(warnings("{\"model\": {\"type\": \"" + type + "\"}}")).as(type).isEmpty();
    }
  }

  @Test
  void aBatchLargerThanTheLabeledImagesIsPrintedOnStandardErrorAndTheRunStillTrains()
      throws Exception {
    RunSpec spec =
        RunSpec.of(ModelSpec.of("mlp"))
            .withDataset(SyntheticImageDataset.NAME)
            .withThreads(1)
            .withLabels(20)
            .withEpochs(1)
            .withLimitBatches(2)
            .withBatchSize(32);
    assertThat(SpecWarnings.ofData(spec, 32)).isEmpty();
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunResult r;
    try {
      System.setErr(new PrintStream(err, true));
      r =
          SyntheticImageDataset.executor(tmp.resolve("data"), new PrintStream(OutputStream()))
              .train(spec, tmp.resolve("runs"), "test", new PrintStream(OutputStream()));
    } finally {
      System.setErr(saved);
    }
    List<String> lines = err.toString().lines().filter(l -> l.startsWith("warning:")).toList();
    assertThat(lines)
        .containsExactly(
            "warning: batch size 32 is larger than the 20 labeled training images, so each labeled"
                + " batch is the whole set; is --batch-size meant?");
    assertThat(r.testExamples()).isPositive();
    System.out.println("train printed: " + lines);
  }

  static java.io.OutputStream OutputStream() {
    return java.io.OutputStream.nullOutputStream();
  }
}
