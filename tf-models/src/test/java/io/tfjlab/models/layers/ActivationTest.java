package io.tfjlab.models.layers;

import static io.tfjlab.models.layers.LayerTestSupport.input;
import static io.tfjlab.models.layers.LayerTestSupport.run;
import static io.tfjlab.models.layers.LayerTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.models.graph.ModelContext;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ActivationTest {
  static final float[] X = {-3f, -1f, -0.5f, 0f, 0.25f, 1f, 4f};

  static DoubleUnaryOperator reference(Activation a) {
    return switch (a) {
      case LINEAR -> v -> v;
      case RELU -> v -> Math.max(0, v);
      case LEAKY_RELU -> v -> v >= 0 ? v : 0.2 * v;
      case TANH -> Math::tanh;
      case SIGMOID -> v -> 1 / (1 + Math.exp(-v));
      case SOFTPLUS -> v -> Math.log1p(Math.exp(v));
      case SOFTMAX -> throw new IllegalArgumentException("not element-wise");
    };
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, mode = EnumSource.Mode.EXCLUDE, names = "SOFTMAX")
  void elementWiseValuesMatchJavaMath(Activation a) {
    DoubleUnaryOperator f = reference(a);
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, X.length);
      ActivationLayer layer = new ActivationLayer(a);
      // identity: a LINEAR layer returns its input operand, which a session cannot both feed and
      // fetch
      Operand<TFloat32> y = ctx.tf().identity(layer.apply(ctx, x, new long[] {X.length}));
      assertThat(layer.outputShape(new long[] {X.length})).containsExactly(X.length);
      assertThat(layer.trainableParameters()).isZero();
      try (Session s = session(g)) {
        float[] out = run(s, y, x, X, 1, X.length).values();
        for (int i = 0; i < X.length; i++) {
          assertThat(out[i])
              .as("%s(%s)", a.keyword(), X[i])
              .isCloseTo((float) f.applyAsDouble(X[i]), within(1e-6f));
        }
      }
    }
  }

  @Test
  void leakyReluSlopeIsPointTwo() {
    assertThat(Activation.LEAKY_ALPHA).isEqualTo(0.2f);
  }

  @Test
  void softmaxRowsSumToOneAndFollowTheExponentials() {
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Placeholder<TFloat32> x = input(ctx, 3);
      Operand<TFloat32> y = Activation.SOFTMAX.apply(ctx.tf(), x);
      try (Session s = session(g)) {
        float[] out = run(s, y, x, new float[] {1, 2, 3, 0, 0, 0}, 2, 3).values();
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(out[0]).isCloseTo((float) (Math.exp(1) / z), within(1e-6f));
        assertThat(out[2]).isCloseTo((float) (Math.exp(3) / z), within(1e-6f));
        assertThat(out[0] + out[1] + out[2]).isCloseTo(1f, within(1e-6f));
        assertThat(out[3]).isCloseTo(1f / 3, within(1e-6f));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "leaky-relu, LEAKY_RELU",
    "leaky_relu, LEAKY_RELU",
    "LeakyReLU, LEAKY_RELU",
    "' Tanh ', TANH",
    "relu, RELU",
    "softplus, SOFTPLUS",
    "linear, LINEAR",
    "sigmoid, SIGMOID",
    "softmax, SOFTMAX"
  })
  void parseAcceptsKerasNames(String text, Activation expected) {
    assertThat(Activation.parse(text)).isEqualTo(expected);
  }

  @Test
  void keywordsRoundTripAndUnknownNamesListTheValidOnes() {
    for (Activation a : Activation.values()) {
      assertThat(Activation.parse(a.keyword())).isEqualTo(a);
    }
    assertThat(Activation.LEAKY_RELU.keyword()).isEqualTo("leaky_relu");
    assertThatThrownBy(() -> Activation.parse("swish"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'swish'")
        .hasMessageContainingAll(
            "linear", "relu", "leaky_relu", "tanh", "sigmoid", "softplus", "softmax");
  }

  @Test
  void layerNamesAndTypesFollowKeras() {
    ActivationLayer leaky = new ActivationLayer(Activation.LEAKY_RELU);
    ActivationLayer tanh = new ActivationLayer(Activation.TANH);
    assertThat(leaky.name()).isEqualTo("leaky_re_lu");
    assertThat(leaky.type()).isEqualTo("LeakyReLU");
    assertThat(tanh.name()).isEqualTo("activation");
    assertThat(tanh.type()).isEqualTo("Activation(tanh)");
  }
}
