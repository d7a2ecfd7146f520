package io.tfjlab.models.layers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** Element-wise activations, by their Keras names. */
public enum Activation {
  LINEAR,
  RELU,
  LEAKY_RELU,
  TANH,
  SIGMOID,
  SOFTPLUS,
  SOFTMAX;

  /** LeakyReLU slope for negative inputs (DCGAN convention). */
  public static final float LEAKY_ALPHA = 0.2f;

  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case LINEAR -> x;
      case RELU -> tf.nn.relu(x);
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAKY_ALPHA));
      case TANH -> tf.math.tanh(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case SOFTPLUS -> tf.math.softplus(x);
      case SOFTMAX -> tf.nn.softmax(x);
    };
  }

  @JsonValue
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Activation parse(String s) {
    String key = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (key.equals("LEAKYRELU")) {
      return LEAKY_RELU;
    }
    try {
      return valueOf(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown activation '"
              + s
              + "'; use linear, relu, leaky_relu, tanh, sigmoid, softplus or softmax");
    }
  }
}
