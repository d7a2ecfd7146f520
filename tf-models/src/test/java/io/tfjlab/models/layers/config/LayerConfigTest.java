package io.tfjlab.models.layers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Layer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layer records: how JSON reads into them, their defaults, the layers they build, their
 * messages.
 */
class LayerConfigTest {
  /**
   * Configured as the spec reader (tfjlab's Json.MAPPER): unknown fields fail, no float-to-int
   * coercion.
   */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);

  static List<LayerConfig> read(String json) throws JsonProcessingException {
    return MAPPER.readValue(json.replace('\'', '"'), new TypeReference<List<LayerConfig>>() {});
  }

  static LayerConfig one(String json) throws JsonProcessingException {
    return read("[" + json + "]").get(0);
  }

  /** A model's {@code layers} field, as a spec holds it (the messages name its path). */
  record Holder(List<LayerConfig> layers) {}

  /** The one-line message a bad list gets. */
  static String error(String json) {
    try {
      MAPPER.readValue("{\"layers\": " + json.replace('\'', '"') + "}", Holder.class);
    } catch (JsonProcessingException e) {
      return ConfigErrors.describe(e);
    }
    throw new AssertionError("no error for " + json);
  }

  @Test
  void theKerasStyleListReadsWithDefaultsFilledInAndWritesEveryField() throws Exception {
    List<LayerConfig> layers =
        read(
            "[{'type': 'conv2d', 'filters': 32, 'kernel': 3, 'activation': 'relu'},"
                + " {'type': 'maxpool', 'size': 2}, {'type': 'flatten'}, {'type': 'dropout', 'rate': 0.25},"
                + " {'type': 'dense', 'units': 10}]");
    assertThat(layers)
        .containsExactly(
            new Conv2DConfig(32, 3, 1, "valid", Activation.RELU, true),
            new MaxPoolConfig(2, 2, "valid"),
            new FlattenConfig(),
            new DropoutConfig(0.25),
            new DenseConfig(10, Activation.LINEAR, "glorot_uniform"));
    String written =
        MAPPER.writerFor(new TypeReference<List<LayerConfig>>() {}).writeValueAsString(layers);
    assertThat(written)
        .contains(
            "{\"type\":\"conv2d\",\"filters\":32,\"kernel\":3,\"strides\":1,\"padding\":\"valid\","
                + "\"activation\":\"relu\",\"use_bias\":true}",
            "{\"type\":\"flatten\"}",
            "{\"type\":\"dense\",\"units\":10,\"activation\":\"linear\",\"kernel_initializer\":\"glorot_uniform\"}");
    assertThat(read(written)).isEqualTo(layers);
  }

  @Test
  void kerasFieldNamesAreAcceptedToo() throws Exception {
    assertThat(one("{'type': 'conv2d', 'filters': 8, 'kernel_size': 5, 'padding': 'SAME'}"))
        .isEqualTo(new Conv2DConfig(8, 5, 1, "same", Activation.LINEAR, true));
    assertThat(one("{'type': 'maxpool', 'pool_size': 3}"))
        .isEqualTo(new MaxPoolConfig(3, 3, "valid"));
    assertThat(one("{'type': 'dense', 'units': 4, 'activation': 'LeakyReLU'}"))
        .isEqualTo(new DenseConfig(4, Activation.LEAKY_RELU, "glorot_uniform"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'type': 'dense', 'units': 7}                                                     | 12      | Dense                | 7",
        "{'type': 'dense', 'units': 7, 'kernel_initializer': 'he_normal'}                  | 12      | Dense                | 7",
        "{'type': 'conv1d', 'filters': 4, 'kernel': 3}                                     | 10 2    | Conv1D               | 8 4",
        "{'type': 'conv2d', 'filters': 4, 'kernel': 3, 'strides': 2, 'padding': 'same'}    | 9 9 1   | Conv2D               | 5 5 4",
        "{'type': 'conv2d', 'filters': 4, 'kernel': 3, 'use_bias': false}                  | 9 9 1   | Conv2D               | 7 7 4",
        "{'type': 'conv2d_transpose', 'filters': 2, 'kernel': 4, 'strides': 2, 'padding': 'same'} | 7 7 3 | Conv2DTranspose | 14 14 2",
        "{'type': 'maxpool'}                                                               | 8 8 3   | MaxPooling2D         | 4 4 3",
        "{'type': 'maxpool', 'size': 3, 'strides': 1, 'padding': 'same'}                   | 5 5 1   | MaxPooling2D         | 5 5 1",
        "{'type': 'maxpool', 'size': 2}                                                    | 9 3     | MaxPooling1D         | 4 3",
        "{'type': 'batch_norm', 'momentum': 0.9, 'center': false}                          | 6       | BatchNormalization   | 6",
        "{'type': 'dropout', 'rate': 0.5}                                                  | 6       | Dropout              | 6",
        "{'type': 'gaussian_noise', 'stddev': 0.3}                                         | 6       | GaussianNoise        | 6",
        "{'type': 'reshape', 'target_shape': [-1, 2]}                                      | 3 4     | Reshape              | 6 2",
        "{'type': 'flatten'}                                                               | 2 3 4   | Flatten              | 24",
        "{'type': 'activation', 'activation': 'softplus'}                                  | 5       | Activation(softplus) | 5",
        "{'type': 'relu'}                                                                  | 5       | Activation(relu)     | 5",
        "{'type': 'leaky_relu'}                                                            | 5       | LeakyReLU            | 5",
        "{'type': 'tanh'}                                                                  | 5       | Activation(tanh)     | 5",
        "{'type': 'sigmoid'}                                                               | 5       | Activation(sigmoid)  | 5",
        "{'type': 'softplus'}                                                              | 5       | Activation(softplus) | 5",
        "{'type': 'wn_dense', 'units': 3, 'train_scale': false}                            | 5       | WeightNormDense      | 3",
        "{'type': 'wn_conv2d', 'filters': 2, 'kernel': 3, 'padding': 'same'}               | 4 4 1   | WeightNormConv2D     | 4 4 2",
        "{'type': 'standardize'}                                                           | 2 2 1   | Standardize          | 2 2 1",
      })
  void everyTypeBuildsItsLayerWithItsOutputShape(
      String json, String in, String layerType, String out) throws Exception {
    long[] shape = dims(in);
    float[] zeros = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    Layer layer = one(json).build(new LayerInput(shape, Optional.of(new float[][] {zeros, zeros})));
    assertThat(layer.type()).isEqualTo(layerType);
    assertThat(layer.outputShape(shape)).containsExactly(dims(out));
  }

  @Test
  void theTableAboveCoversEveryLayerType() throws Exception {
    Set<String> tested = new TreeSet<>();
    for (var m :
        getClass()
            .getDeclaredMethod(
                "everyTypeBuildsItsLayerWithItsOutputShape",
                String.class,
                String.class,
                String.class,
                String.class)
            .getAnnotation(CsvSource.class)
            .value()) {
      tested.add(LayerTypes.name(one(m.split("\\|")[0].trim())));
    }
    assertThat(tested).containsExactlyInAnyOrderElementsOf(LayerTypes.names());
  }

  static long[] dims(String s) {
    return Arrays.stream(s.trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // unknown type or field: the allowed ones are listed
        "[{'type': 'flatten'}, {'type': 'conv3d'}]      | model.layers[1]: unknown layer type \"conv3d\"; use one of: dense, conv1d, conv2d, conv2d_transpose, maxpool, batch_norm, dropout, gaussian_noise, reshape, flatten, activation, relu, leaky_relu, tanh, sigmoid, softplus, wn_dense, wn_conv2d, standardize",
        "[{'units': 10}]                                | model.layers[0]: no \"type\"; use one of: dense,",
        "[{'type': 'dense', 'units': 10, 'use_bias': false} ] | model.layers[0] (dense): unknown field \"use_bias\"; dense takes units, activation, kernel_initializer",
        "[{'type': 'flatten', 'size': 2}]               | model.layers[0] (flatten): unknown field \"size\"; flatten takes no fields",
        "[{'type': 'flatten'}, {'type': 'dense', 'unit': 10}] | model.layers[1] (dense): units is required; dense takes units, activation, kernel_initializer",
        // field checks
        "[{'type': 'dense', 'units': 0}]                | model.layers[0] (dense): units must be > 0, got 0",
        "[{'type': 'dense', 'units': 2.5}]              | model.layers[0] (dense): units must be an integer, got 2.5",
        "[{'type': 'dense', 'units': 'ten'}]            | model.layers[0] (dense): units must be an integer, got \"ten\"",
        "[{'type': 'dense', 'units': 3, 'activation': 'rleu'}] | model.layers[0] (dense): unknown activation 'rleu'; use linear, relu",
        "[{'type': 'dense', 'units': 3, 'kernel_initializer': 'ones'}] | model.layers[0] (dense): kernel_initializer must be glorot_uniform, he_normal or he_uniform, got \"ones\"",
        "[{'type': 'conv2d', 'filters': 3, 'kernel': 3, 'padding': 'full'}] | model.layers[0] (conv2d): padding must be \"same\" or \"valid\", got \"full\"",
        "[{'type': 'conv2d', 'filters': 3, 'kernel': 3, 'strides': 0}] | model.layers[0] (conv2d): strides must be > 0, got 0",
        "[{'type': 'conv2d', 'filters': 3}]             | model.layers[0] (conv2d): kernel is required; conv2d takes filters, kernel, strides, padding, activation, use_bias",
        "[{'type': 'maxpool', 'size': -2}]              | model.layers[0] (maxpool): size must be > 0, got -2",
        "[{'type': 'dropout'}]                          | model.layers[0] (dropout): rate is required; dropout takes rate",
        "[{'type': 'dropout', 'rate': 1.0}]             | model.layers[0] (dropout): rate must be in [0, 1), got 1.0",
        "[{'type': 'gaussian_noise', 'stddev': -1}]     | model.layers[0] (gaussian_noise): stddev must be >= 0, got -1.0",
        "[{'type': 'batch_norm', 'momentum': 1.5}]      | model.layers[0] (batch_norm): momentum must be in [0, 1), got 1.5",
        "[{'type': 'batch_norm', 'center': 'yes'}]      | model.layers[0] (batch_norm): center must be true or false, got \"yes\"",
        "[{'type': 'reshape', 'target_shape': [-1, -1]}] | model.layers[0] (reshape): target_shape entries must be > 0, with at most one -1, got [-1, -1]",
        "[{'type': 'reshape', 'target_shape': [28, 'a']}] | model.layers[0] (reshape): target_shape[1] must be an integer, got \"a\"",
        "[{'type': 'wn_dense', 'units': 3, 'init_std': 0}] | model.layers[0] (wn_dense): init_std must be > 0, got 0.0",
        "[{'type': 'activation'}]                       | model.layers[0] (activation): activation is required; activation takes activation",
        "[{'type': 'standardize', 'epsilon': -1}]       | model.layers[0] (standardize): epsilon must be > 0, got -1.0",
      })
  void badConfigsGetOneLineNamingTheLayerAndTheField(String json, String message) {
    assertThat(error(json)).doesNotContain("\n").startsWith(message);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'type': 'conv2d', 'filters': 3, 'kernel': 3}    | 784     | needs an (height, width, channels) input, got (None, 784); add {\"type\": \"reshape\", \"target_shape\": [H, W, C]} before it",
        "{'type': 'conv2d', 'filters': 3, 'kernel': 5}    | 3 3 1   | kernel 5 is larger than the input (None, 3, 3, 1) with padding \"valid\"; use a smaller kernel or \"padding\": \"same\"",
        "{'type': 'dense', 'units': 3}                    | 28 28 1 | needs a flat input, got (None, 28, 28, 1); add {\"type\": \"flatten\"} before it",
        "{'type': 'conv1d', 'filters': 3, 'kernel': 3}    | 4 4 1   | needs a (length, channels) input, got (None, 4, 4, 1); add {\"type\": \"reshape\", \"target_shape\": [16, 1]} before it",
        "{'type': 'maxpool'}                              | 64      | needs an (height, width, channels) or (length, channels) input, got (None, 64); pool before the flatten layer",
        "{'type': 'reshape', 'target_shape': [28, 27, 1]} | 784     | cannot reshape (None, 784) (784 values) to [28, 27, 1] (756 values)",
        "{'type': 'reshape', 'target_shape': [-1, 5]}     | 784     | cannot reshape (None, 784) (784 values) to [-1, 5]",
        "{'type': 'wn_conv2d', 'filters': 3, 'kernel': 3} | 10      | needs an (height, width, channels) input, got (None, 10); add {\"type\": \"reshape\", \"target_shape\": [H, W, C]} before it",
      })
  void aLayerThatCannotTakeItsInputSaysWhichAndHowToFixIt(String json, String in, String message)
      throws Exception {
    // after a flatten when the input is flat (as in a model), so that the failing layer is the
    // second
    long[] shape = dims(in);
    List<LayerConfig> list =
        shape.length == 1 ? List.of(new FlattenConfig(), one(json)) : List.of(one(json));
    int index = list.size() - 1;
    assertThatThrownBy(() -> LayerStack.of(list, shape, Optional.empty()))
        .hasMessage("model.layers[" + index + "] (" + LayerTypes.name(one(json)) + "): " + message);
  }

  @Test
  void standardizeOnlyAsTheFirstLayer() {
    float[] stats = new float[4];
    assertThatThrownBy(
            () ->
                LayerStack.of(
                    List.of(new FlattenConfig(), new StandardizeConfig()),
                    new long[] {2, 2, 1},
                    Optional.of(new float[][] {stats, stats})))
        .hasMessage(
            "model.layers[1] (standardize): standardize works on the input pixels only: make it the first layer");
    LayerStack ok =
        LayerStack.of(
            List.of(new StandardizeConfig(), new FlattenConfig()),
            new long[] {2, 2, 1},
            Optional.of(new float[][] {stats, stats}));
    assertThat(ok.outputShape()).containsExactly(4);
    assertThat(ok.describeOutput()).isEqualTo("(None, 4)");
  }

  @Test
  void theRecordsCheckTheirFieldsWhenMadeInJavaToo() {
    assertThatThrownBy(() -> new DenseConfig(null, null, null)).hasMessage("units is required");
    assertThatThrownBy(() -> new MaxPoolConfig(2, 0, null))
        .hasMessage("strides must be > 0, got 0");
    assertThat(new MaxPoolConfig(3).strides()).isEqualTo(3);
    assertThat(new BatchNormConfig()).isEqualTo(new BatchNormConfig(0.99, 1e-3, true, true));
  }
}
