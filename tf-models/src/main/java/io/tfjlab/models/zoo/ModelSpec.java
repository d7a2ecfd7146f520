package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model and its options, as JSON reads it: one record per model family, chosen by {@code type}
 * (Jackson reads {@code {"type": "sgan", ...}} into a {@link SganSpec}), so that each family
 * carries exactly the options it reads. An option a family does not have is refused by name. Its
 * defaults, conditional defaults and presets are data: {@code
 * io/tfjlab/models/families/<type>.json} ({@link io.tfjlab.models.spec.ModelFamily}). Adding an
 * option to a model is one record component (and its default in that file).
 *
 * <p>A type the zoo does not name (a network defined in Java and registered with the zoo, such as
 * the Java API's {@code .network(...)}) reads into a {@link PlainSpec}: type and preset only.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = PlainSpec.class)
@JsonSubTypes({
  @JsonSubTypes.Type(
      value = PlainSpec.class,
      names = {"linreg", "conv1d"}),
  @JsonSubTypes.Type(value = LinearSpec.class, name = "linear"),
  @JsonSubTypes.Type(value = MlpSpec.class, name = "mlp"),
  @JsonSubTypes.Type(value = CnnSpec.class, name = "cnn"),
  @JsonSubTypes.Type(
      value = DenseStackSpec.class,
      names = {"xor", "blobs"}),
  @JsonSubTypes.Type(value = PerceptronSpec.class, name = "perceptron"),
  @JsonSubTypes.Type(value = AutoencoderSpec.class, name = "autoencoder"),
  @JsonSubTypes.Type(value = AeClassifierSpec.class, name = "ae-classifier"),
  @JsonSubTypes.Type(value = DcganSpec.class, name = "dcgan"),
  @JsonSubTypes.Type(value = DcganTransferSpec.class, name = "dcgan-transfer"),
  @JsonSubTypes.Type(value = SganSpec.class, name = "sgan"),
  @JsonSubTypes.Type(value = LayersSpec.class, name = LayersModel.NAME)
})
public sealed interface ModelSpec
    permits PlainSpec,
        LinearSpec,
        MlpSpec,
        CnnSpec,
        DenseStackSpec,
        PerceptronSpec,
        AutoencoderSpec,
        AeClassifierSpec,
        DcganSpec,
        DcganTransferSpec,
        SganSpec,
        LayersSpec {

  /** The zoo name, e.g. {@code cnn}. */
  String type();

  /** The named overlay of the family's file this model was given, or null. */
  String preset();

  /** Whether seed 003's input standardisation comes first (from the training part's statistics). */
  default boolean standardizesInput() {
    return false;
  }

  /** Whether minibatch discrimination is on: its features depend on the other rows of a batch. */
  default boolean usesMinibatchDiscrimination() {
    return false;
  }

  /** A model with nothing but its type given, read as JSON would read {@code {"type": type}}. */
  static ModelSpec of(String type) {
    return of(type, null);
  }

  /** A model with its type and a preset (null = none) given. */
  static ModelSpec of(String type, String preset) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("model type is required (see ./tfjlab models)");
    }
    Map<String, String> json = new LinkedHashMap<>();
    json.put("type", type);
    if (preset != null) {
      json.put("preset", preset);
    }
    return new ObjectMapper().convertValue(json, ModelSpec.class);
  }

  /**
   * The record class of a model type ({@link PlainSpec} for a type the zoo does not name), whose
   * components are the options it accepts.
   */
  static Class<? extends ModelSpec> recordOf(String type) {
    return FamilyRecords.BY_TYPE.getOrDefault(type, PlainSpec.class);
  }

  /** The options a model type accepts besides type and preset, in the order its JSON lists them. */
  static List<String> optionsOf(String type) {
    return Arrays.stream(recordOf(type).getRecordComponents())
        .map(RecordComponent::getName)
        .filter(n -> !n.equals("type") && !n.equals("preset"))
        .toList();
  }

  /** {@code value} if set, else {@code fallback}. */
  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** The model type names of the sealed records, read from the annotation above. */
  final class FamilyRecords {
    private static final Map<String, Class<? extends ModelSpec>> BY_TYPE = byType();

    private FamilyRecords() {}

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends ModelSpec>> byType() {
      Map<String, Class<? extends ModelSpec>> m = new LinkedHashMap<>();
      for (JsonSubTypes.Type t : ModelSpec.class.getAnnotation(JsonSubTypes.class).value()) {
        for (String n : t.names()) {
          m.put(n, (Class<? extends ModelSpec>) t.value());
        }
        if (!t.name().isEmpty()) {
          m.put(t.name(), (Class<? extends ModelSpec>) t.value());
        }
      }
      return Map.copyOf(m);
    }
  }
}
