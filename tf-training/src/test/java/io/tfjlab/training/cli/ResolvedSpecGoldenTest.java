package io.tfjlab.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins how every model, preset and option resolves, through {@code train} options and through an
 * equivalent spec file, against committed JSON ({@code golden/specs/train-cases.json}). The thread
 * count is fixed so the result does not depend on the machine. {@code -Dgolden.update=true}
 * rewrites the file; review its diff.
 */
class ResolvedSpecGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/specs/train-cases.json");

  @TempDir Path tmp;

  /** One case: the options, and the spec file that says the same. */
  record Case(String name, List<String> args, String file) {}

  static Case c(String name, String args, String file) {
    return new Case(name, List.of(args.split(" ")), file);
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String m : List.of("linear", "mlp", "cnn", "conv1d", "autoencoder", "ae-classifier", "perceptron", "blobs",
        "xor", "linreg", "dcgan", "dcgan-transfer", "sgan")) {
      cases.add(c("model " + m, "--model " + m, "{\"model\": {\"type\": \"" + m + "\"}}"));
    }
    String[][] presets = {{"mlp", "seed002"}, {"cnn", "seed003"}, {"cnn", "seed001"}, {"sgan", "paper"},
        {"dcgan", "paper"}, {"dcgan-transfer", "paper"}};
    for (String[] p : presets) {
      cases.add(c("preset " + p[0] + " " + p[1], "--model " + p[0] + " --preset " + p[1],
          "{\"model\": {\"type\": \"" + p[0] + "\", \"preset\": \"" + p[1] + "\"}}"));
    }
    // model options
    cases.add(c("hidden", "--model mlp --hidden 64,32", "{\"model\": {\"type\": \"mlp\", \"hidden\": [64, 32]}}"));
    cases.add(c("activation", "--model mlp --activation tanh",
        "{\"model\": {\"type\": \"mlp\", \"activation\": \"tanh\"}}"));
    cases.add(c("dropout", "--model cnn --dropout 0.3", "{\"model\": {\"type\": \"cnn\", \"dropout\": 0.3}}"));
    cases.add(c("code-size", "--model autoencoder --code-size 16",
        "{\"model\": {\"type\": \"autoencoder\", \"codeSize\": 16}}"));
    cases.add(c("reconstruction-loss", "--model autoencoder --reconstruction-loss bce",
        "{\"model\": {\"type\": \"autoencoder\", \"reconstructionLoss\": \"bce\"}}"));
    cases.add(c("standardize", "--model linear --standardize",
        "{\"model\": {\"type\": \"linear\", \"standardize\": true}}"));
    cases.add(c("positive-class", "--model perceptron --positive-class 3",
        "{\"model\": {\"type\": \"perceptron\", \"positiveClass\": 3}}"));
    cases.add(c("discriminator", "--model sgan --discriminator cnn",
        "{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}}"));
    cases.add(c("freeze-body", "--model dcgan-transfer --freeze-body true",
        "{\"model\": {\"type\": \"dcgan-transfer\", \"freezeBody\": true}}"));
    cases.add(c("label-smoothing", "--model sgan --label-smoothing 0.1",
        "{\"model\": {\"type\": \"sgan\", \"labelSmoothing\": 0.1}}"));
    cases.add(c("average-rate", "--model sgan --average-rate 0.01",
        "{\"model\": {\"type\": \"sgan\", \"averageRate\": 0.01}}"));
    cases.add(c("noise-dim", "--model dcgan --noise-dim 50", "{\"model\": {\"type\": \"dcgan\", \"noiseDim\": 50}}"));
    cases.add(c("generator", "--model sgan --generator conv",
        "{\"model\": {\"type\": \"sgan\", \"generator\": \"conv\"}}"));
    cases.add(c("generator-output", "--model sgan --generator-output softplus",
        "{\"model\": {\"type\": \"sgan\", \"generatorOutput\": \"softplus\"}}"));
    cases.add(c("minibatch-kernels", "--model sgan --minibatch-kernels 50 --minibatch-dims 3",
        "{\"model\": {\"type\": \"sgan\", \"minibatchKernels\": 50, \"minibatchDims\": 3}}"));
    // run options
    cases.add(c("dataset", "--model mlp --dataset fashion-mnist",
        "{\"model\": {\"type\": \"mlp\"}, \"dataset\": \"fashion-mnist\"}"));
    cases.add(c("labels", "--model cnn --labels 100", "{\"model\": {\"type\": \"cnn\"}, \"labels\": 100}"));
    cases.add(c("validation", "--model mlp --validation 0.2", "{\"model\": {\"type\": \"mlp\"}, \"validation\": 0.2}"));
    cases.add(c("epochs", "--model mlp --epochs 5", "{\"model\": {\"type\": \"mlp\"}, \"epochs\": 5}"));
    cases.add(c("pretrain-epochs", "--model ae-classifier --pretrain-epochs 3",
        "{\"model\": {\"type\": \"ae-classifier\"}, \"pretrainEpochs\": 3}"));
    cases.add(c("steps-per-epoch", "--model cnn --labels 100 --steps-per-epoch 10",
        "{\"model\": {\"type\": \"cnn\"}, \"labels\": 100, \"stepsPerEpoch\": 10}"));
    cases.add(c("batch-size", "--model mlp --batch-size 64", "{\"model\": {\"type\": \"mlp\"}, \"batchSize\": 64}"));
    cases.add(c("optimizer", "--model mlp --optimizer sgd",
        "{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"name\": \"sgd\", \"learningRate\": 0.001}}"));
    cases.add(c("lr", "--model mlp --lr 0.01",
        "{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"learningRate\": 0.01}}"));
    cases.add(c("lr sgan", "--model sgan --lr 0.001",
        "{\"model\": {\"type\": \"sgan\"}, \"optimizer\": {\"learningRate\": 0.001}}"));
    cases.add(c("beta1", "--model mlp --beta1 0.8",
        "{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"learningRate\": 0.001, \"beta1\": 0.8}}"));
    cases.add(c("epsilon", "--model mlp --epsilon 1e-6",
        "{\"model\": {\"type\": \"mlp\"}, \"optimizer\": {\"learningRate\": 0.001, \"epsilon\": 1e-6}}"));
    cases.add(c("epsilon-inside", "--model sgan --epsilon-inside true",
        "{\"model\": {\"type\": \"sgan\"}, \"optimizer\": {\"epsilonInside\": true}}"));
    cases.add(c("schedule", "--model mlp --schedule step", "{\"model\": {\"type\": \"mlp\"}, \"schedule\": {\"type\": \"step\"}}"));
    cases.add(c("schedule-start", "--model mlp --schedule-start 2 --final-lr-fraction 0.1",
        "{\"model\": {\"type\": \"mlp\"}, \"schedule\": {\"type\": \"linear\", \"start\": 2, \"finalFraction\": 0.1}}"));
    cases.add(c("l2", "--model cnn --l2 1e-4", "{\"model\": {\"type\": \"cnn\"}, \"l2\": 1e-4}"));
    cases.add(c("seed", "--model mlp --seed 7", "{\"model\": {\"type\": \"mlp\"}, \"seed\": 7}"));
    cases.add(c("label-seed", "--model cnn --labels 100 --label-seed 3",
        "{\"model\": {\"type\": \"cnn\"}, \"labels\": 100, \"labelSeed\": 3}"));
    cases.add(c("augment", "--model cnn --augment",
        "{\"model\": {\"type\": \"cnn\"}, \"augment\": {\"rotationDegrees\": 10, \"zoom\": 0.1, \"shift\": 0.1, "
            + "\"brightness\": 0}}"));
    cases.add(c("no-augment sgan cnn", "--model sgan --discriminator cnn --no-augment",
        "{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}, \"augment\": null}"));
    cases.add(c("patience", "--model mlp --patience 3", "{\"model\": {\"type\": \"mlp\"}, \"patience\": 3}"));
    cases.add(c("monitor", "--model mlp --monitor val_acc", "{\"model\": {\"type\": \"mlp\"}, \"monitor\": \"val_acc\"}"));
    cases.add(c("checkpoint", "--model mlp --checkpoint last", "{\"model\": {\"type\": \"mlp\"}, \"checkpoint\": \"last\"}"));
    return cases;
  }

  static RunExecutor executor(Path tmp) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    DatasetCatalog catalog = new DatasetCatalog(Map.of(), new DatasetStore(tmp, Optional.empty(), quiet));
    ModelZoo zoo = com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    return new RunExecutor(catalog, zoo);
  }

  static RunSpec parse(List<String> args) {
    return Options.resolve(args.toArray(String[]::new)).spec();
  }

  /** The resolved spec as JSON, or {"error": first line} when the options are refused. */
  static JsonNode resolved(RunExecutor executor, List<String> args) {
    try {
      return Json.MAPPER.valueToTree(executor.resolve(parse(args)));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage().lines().findFirst().orElse("").replaceAll("/tmp/\\S*/case-\\d+\\.json", "FILE");
      return Json.MAPPER.createObjectNode().put("error", m);
    }
  }

  @Test
  void everyOptionAndItsSpecFileResolveAsCommitted() throws Exception {
    RunExecutor executor = executor(tmp);
    ObjectNode actual = Json.MAPPER.createObjectNode();
    int i = 0;
    for (Case k : cases()) {
      List<String> args = new ArrayList<>(k.args());
      args.addAll(List.of("--threads", "2"));
      ObjectNode file = (ObjectNode) Json.MAPPER.readTree(k.file());
      file.put("threads", 2);
      Path specFile = tmp.resolve("case-" + (i++) + ".json");
      Files.writeString(specFile, Json.MAPPER.writeValueAsString(file));
      ObjectNode entry = actual.putObject(k.name());
      entry.set("flags", resolved(executor, args));
      entry.set("file", resolved(executor, List.of("--spec", specFile.toString())));
    }
    GoldenJson.assertMatches(GOLDEN, actual);
    // one merge rule: every option and the same value in a spec file give the same run
    actual.fields().forEachRemaining(e -> assertThat(e.getValue().get("file"))
        .as("spec file of case '%s' resolves as its options", e.getKey()).isEqualTo(e.getValue().get("flags")));
  }

  /** Compares a JSON tree with a committed file, or rewrites the file with -Dgolden.update=true. */
  static final class GoldenJson {
    private GoldenJson() {}

    static void assertMatches(Path golden, JsonNode actual) throws Exception {
      String text = Json.MAPPER.writeValueAsString(actual) + "\n";
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, text);
      }
      assertThat(golden).as("golden file (create it with -Dgolden.update=true)").isRegularFile();
      assertThat(text).as("resolved specs against " + golden + " (-Dgolden.update=true rewrites it)")
          .isEqualTo(Files.readString(golden));
    }
  }
}
