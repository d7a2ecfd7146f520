package io.tfjlab.models.zoo;

import static io.tfjlab.models.layers.LayerTestSupport.ONE_THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import io.tfjlab.models.ModelSummary;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.spec.ModelFamily;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The layers model: the zoo's plain stacks as layer lists, and the one-line errors of a list that
 * does not fit.
 */
class LayersModelTest {
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
  static final InputSpec MNIST = InputSpec.images(28, 28, 1, 10);
  final ModelZoo zoo = Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);

  /** A layers spec from its JSON list (single quotes for double). */
  static ModelSpec layers(String list) throws Exception {
    return MAPPER.readValue(
        ("{'type': 'layers', 'layers': " + list + "}").replace('\'', '"'), ModelSpec.class);
  }

  /** The model of a shipped example spec file. */
  static ModelSpec example(String file) throws Exception {
    JsonNode spec = MAPPER.readTree(Path.of("..", "examples", file).toFile());
    return MAPPER.treeToValue(spec.get("model"), ModelSpec.class);
  }

  @ParameterizedTest(name = "{0} = zoo {1}")
  @CsvSource({"layers-cnn.json, cnn, 1190346", "layers-mlp.json, mlp, 141910"})
  void theExampleListsAreTheZooModelsLayerForLayerWeightForWeight(
      String file, String zooModel, long params) throws Exception {
    try (Graph a = new Graph();
        Graph b = new Graph()) {
      BuiltModel fromList = zoo.build(new ModelContext(a, 1), example(file), MNIST);
      BuiltModel fromZoo = zoo.build(new ModelContext(b, 1), ModelSpec.of(zooModel), MNIST);
      assertThat(ModelSummary.totalParameters(fromList))
          .isEqualTo(params)
          .isEqualTo(ModelSummary.totalParameters(fromZoo));
      // the same table: layer names and types, output shapes, parameters, totals
      assertThat(
              ModelSummary.render(fromList)
                  .replace("Model: \"layers\"", "Model: \"" + zooModel + "\""))
          .isEqualTo(ModelSummary.render(fromZoo));
      // the same variable names (checkpoint keys) and, from the same run seed, the same initial
      // weights
      List<Variable<TFloat32>> va = fromList.allVariables();
      List<Variable<TFloat32>> vb = fromZoo.allVariables();
      assertThat(names(va)).isEqualTo(names(vb)).contains("dense/kernel", "dense/bias");
      try (Session sa = new Session(a, ONE_THREAD);
          Session sb = new Session(b, ONE_THREAD)) {
        sa.initialize();
        sb.initialize();
        for (int i = 0; i < va.size(); i++) {
          assertThat(values(sa, va.get(i))).as(names(va).get(i)).isEqualTo(values(sb, vb.get(i)));
        }
      }
    }
  }

  @Test
  void anotherRunSeedGivesOtherWeights() throws Exception {
    try (Graph a = new Graph();
        Graph b = new Graph()) {
      BuiltModel one = zoo.build(new ModelContext(a, 1), example("layers-mlp.json"), MNIST);
      BuiltModel two = zoo.build(new ModelContext(b, 2), example("layers-mlp.json"), MNIST);
      try (Session sa = new Session(a, ONE_THREAD);
          Session sb = new Session(b, ONE_THREAD)) {
        sa.initialize();
        sb.initialize();
        assertThat(values(sa, one.allVariables().get(0)))
            .isNotEqualTo(values(sb, two.allVariables().get(0)));
      }
    }
  }

  static List<String> names(List<Variable<TFloat32>> vars) {
    return vars.stream().map(v -> v.op().name()).toList();
  }

  static float[] values(Session s, Variable<TFloat32> v) {
    try (Result r = s.runner().fetch(v).run()) {
      float[] out = new float[(int) v.shape().size()];
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Test
  void batchNormUpdatesRunWithEveryStepAndWeightNormGetsItsDataInitialisation() throws Exception {
    ModelSpec spec =
        layers(
            "[{'type': 'conv2d', 'filters': 4, 'kernel': 3, 'strides': 2, 'use_bias': false},"
                + " {'type': 'batch_norm'}, {'type': 'relu'}, {'type': 'maxpool'}, {'type': 'flatten'},"
                + " {'type': 'gaussian_noise', 'stddev': 0.1}, {'type': 'wn_dense', 'units': 10, 'train_scale': false}]");
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), spec, MNIST);
      assertThat(m.finalPhase().updates()).hasSize(2); // moving mean and variance
      assertThat(m.dataInit()).isPresent();
      assertThat(m.dataInit().orElseThrow().examples()).isEqualTo(500);
      assertThat(m.spec().standardizesInput()).isFalse();
      assertThat(ModelSummary.render(m))
          .contains(
              "conv2d (Conv2D)",
              "(None, 13, 13, 4)",
              "batch_normalization",
              "max_pooling2d (MaxPooling2D)",
              "(None, 6, 6, 4)",
              "wn_dense (WeightNormDense)",
              "(None, 10)");
      // 4·3·3 kernel, no bias; gamma, beta trained and the moving statistics not; V and b trained,
      // g not
      assertThat(ModelSummary.trainable(m)).isEqualTo(36 + 8 + 144 * 10 + 10);
      assertThat(ModelSummary.nonTrainable(m)).isEqualTo(8 + 10);
    }
    try (Graph g = new Graph()) {
      assertThat(zoo.build(new ModelContext(g, 1), example("layers-cnn.json"), MNIST).dataInit())
          .isEmpty();
    }
  }

  @Test
  void aFirstStandardizeLayerMakesTheRunComputeThePixelStatistics() throws Exception {
    ModelSpec spec =
        layers("[{'type': 'standardize'}, {'type': 'flatten'}, {'type': 'dense', 'units': 10}]");
    assertThat(((LayersSpec) zoo.resolve(spec)).standardize()).isTrue();
    float[] stats = new float[784];
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), spec, MNIST.withPixelStats(stats, stats));
      assertThat(ModelSummary.render(m)).contains("standardize (Standardize)");
      assertThat(ModelSummary.nonTrainable(m)).isEqualTo(2 * 784);
    }
    assertThatThrownBy(() -> zoo.validate(spec, MNIST))
        .hasMessage(
            "model.layers[0] (standardize): needs the "
                + "training part's pixel statistics, which only the first layer gets");
    assertThatThrownBy(() -> zoo.resolve(((LayersSpec) spec).withStandardize(false)))
        .hasMessageContaining(
            "model.standardize does not apply to the layers model: a first {\"type\": \"standardize\"} layer");
    assertThatThrownBy(
            () -> zoo.resolve(((LayersSpec) example("layers-mlp.json")).withStandardize(true)))
        .hasMessageContaining("model.standardize does not apply");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[{'type': 'flatten'}, {'type': 'dense', 'units': 64}] | model.layers[1] (dense): the last layer gives the logits and must output (None, 10) for the 10 classes, got (None, 64); end with {\"type\": \"dense\", \"units\": 10}",
        "[{'type': 'conv2d', 'filters': 10, 'kernel': 28}] | model.layers[0] (conv2d): the last layer gives the logits and must output (None, 10) for the 10 classes, got (None, 1, 1, 10); add {\"type\": \"flatten\"} and end with {\"type\": \"dense\", \"units\": 10}",
        "[{'type': 'flatten'}, {'type': 'dense', 'units': 10, 'activation': 'softmax'}] | model.layers[1] (dense): the last layer gives the logits: leave out its softmax (the classifier applies softmax and cross-entropy itself)",
        "[{'type': 'flatten'}, {'type': 'dense', 'units': 10}, {'type': 'activation', 'activation': 'softmax'}] | model.layers[2] (activation): the last layer gives the logits: leave out its softmax",
        "[{'type': 'flatten'}, {'type': 'conv2d', 'filters': 3, 'kernel': 3}, {'type': 'dense', 'units': 10}] | model.layers[1] (conv2d): needs an (height, width, channels) input, got (None, 784); add {\"type\": \"reshape\", \"target_shape\": [H, W, C]} before it",
        "[{'type': 'dense', 'units': 10}] | model.layers[0] (dense): needs a flat input, got (None, 28, 28, 1); add {\"type\": \"flatten\"} before it",
        "[{'type': 'conv2d', 'filters': 8, 'kernel': 5}, {'type': 'maxpool', 'size': 30}, {'type': 'flatten'}, {'type': 'dense', 'units': 10}] | model.layers[1] (maxpool): size 30 is larger than the input (None, 24, 24, 8) with padding \"valid\"",
      })
  void aListThatDoesNotFitItsInputOrTheClassesIsRefusedBeforeAnyGraph(String list, String message)
      throws Exception {
    ModelSpec spec = layers(list);
    assertThatThrownBy(() -> zoo.validate(spec, MNIST))
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
    try (Graph g = new Graph()) {
      assertThatThrownBy(() -> zoo.build(new ModelContext(g, 1), spec, MNIST))
          .hasMessageStartingWith(message);
    }
  }

  @Test
  void specsThatAreNotALayerListSayWhatToDo() throws Exception {
    assertThatThrownBy(() -> zoo.resolve(ModelSpec.of("layers")))
        .hasMessageStartingWith(
            "model.layers is required "
                + "for \"type\": \"layers\": a list from input to logits such as [{\"type\": \"flatten\"}, {\"type\": \"dense\", "
                + "\"units\": 10}]");
    ModelSpec mlp = example("layers-mlp.json");
    JsonNode mlpJson = MAPPER.readTree(Path.of("..", "examples", "layers-mlp.json").toFile());
    ObjectNode withDropout = ((ObjectNode) mlpJson.get("model").deepCopy()).put("dropout", 0.5);
    assertThatThrownBy(() -> ModelFamily.of("layers").read(withDropout))
        .hasMessage(
            "model.dropout does not apply to layers (its options: layers, standardize);"
                + " describe the network in model.layers (e.g. a {\"type\": \"dropout\","
                + " \"rate\": 0.5} layer)");
    ObjectNode asCnn = ((ObjectNode) mlpJson.get("model").deepCopy()).put("type", "cnn");
    assertThatThrownBy(() -> ModelFamily.of("cnn").read(asCnn))
        .hasMessage(
            "model.layers does not apply to cnn (its options: architecture, dropout,"
                + " standardize); leave it out or use \"type\": \"layers\"");
    assertThatThrownBy(() -> zoo.validate(mlp, InputSpec.vectors(2, 1)))
        .hasMessageStartingWith(
            "the layers model is a softmax classifier and needs a data set with 2 or more classes");
    ModelSpec withNull = layers("[{'type': 'flatten'}, null]");
    assertThatThrownBy(() -> zoo.resolve(withNull))
        .hasMessageStartingWith("model.layers[1] is null");
  }

  @Test
  void everyLayerOfTheListIsANewLayerObject() throws Exception {
    // a model built twice (train, then evaluate) must not share layer objects: they hold their
    // variables
    ModelSpec spec = example("layers-mlp.json");
    List<Layer> first = new ArrayList<>(LayersModel.stack(zoo.resolve(spec), MNIST).layers());
    List<Layer> second = LayersModel.stack(zoo.resolve(spec), MNIST).layers();
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).isNotSameAs(first.get(i));
    }
  }
}
