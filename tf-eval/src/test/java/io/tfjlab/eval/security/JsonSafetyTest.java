package io.tfjlab.eval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.eval.compare.ComparisonPlan;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.spec.SpecResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec, plan and manifest files are read without polymorphic default typing: a {@code @class} (or a
 * default-typing {@code ["class", {...}]} wrapper) naming a class on the classpath is refused with
 * a one-line error and the class is never instantiated; only the project's own layer types are
 * picked by name, and JSON has no external references that Jackson would follow ({@code $ref} is
 * just an unknown field).
 */
class JsonSafetyTest {
  static final SpecResolver RESOLVER =
      new SpecResolver(
          com.google.inject.Guice.createInjector(new io.tfjlab.models.ModelsModule())
              .getInstance(ModelZoo.class));

  /** A class a hostile payload names; it counts its instances. */
  public static final class Canary {
    static final AtomicInteger CREATED = new AtomicInteger();
    public String value;

    public Canary() {
      CREATED.incrementAndGet();
    }
  }

  static final String CANARY = Canary.class.getName();

  @TempDir Path tmp;

  @BeforeEach
  void reset() {
    Canary.CREATED.set(0);
  }

  Path file(String name, String json) throws Exception {
    return Files.writeString(tmp.resolve(name), json.replace('\'', '"'));
  }

  @Test
  void theSharedMapperHasNoDefaultTyping() {
    for (Class<?> type : List.of(Object.class, RunSpec.class, Manifest.class)) {
      assertThat(
              Json.MAPPER
                  .getDeserializationConfig()
                  .getDefaultTyper(Json.MAPPER.constructType(type)))
          .as(type.getSimpleName())
          .isNull();
    }
  }

  @Test
  void specFileWithClassPayloadsIsRefusedAndNothingIsInstantiated() throws Exception {
    List<String> payloads =
        List.of(
            "{'@class': '" + CANARY + "', 'model': {'type': 'mlp'}}",
            "{'model': {'type': 'mlp', '@class': '" + CANARY + "'}}",
            "{'model': {'type': 'mlp'}, 'augment': ['" + CANARY + "', {'value': 'x'}]}",
            "{'model': {'type': '" + CANARY + "'}}",
            "{'model': {'type': 'layers', 'layers': [{'type': '" + CANARY + "'}]}}",
            "{'model': {'type': 'layers', 'layers': [{'@class': '"
                + CANARY
                + "', 'type': 'relu'}]}}",
            "{'model': {'type': 'mlp'}, '$ref': 'file:///etc/passwd'}");
    for (int i = 0; i < payloads.size(); i++) {
      Path spec = file("spec-" + i + ".json", payloads.get(i));
      assertThatThrownBy(() -> RESOLVER.resolve(List.of(SpecResolver.file(spec))))
          .as(payloads.get(i))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }
    assertThat(Canary.CREATED).hasValue(0);
  }

  @Test
  void planFileWithClassPayloadIsRefused() throws Exception {
    for (String payload :
        List.of(
            "{'@class': '" + CANARY + "', 'name': 'p', 'rows': []}",
            "{'name': 'p', 'rows': [['" + CANARY + "', {'value': 'x'}]]}",
            "{'name': 'p', 'rows': [{'id': 'r', 'spec': {'model': {'type': 'mlp'}},"
                + " 'seedReport': {'@class': '"
                + CANARY
                + "'}}]}")) {
      Path plan = file("plan-" + Math.abs(payload.hashCode()) + ".json", payload);
      assertThatThrownBy(() -> ComparisonPlan.load(plan.toString(), RESOLVER))
          .as(payload)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Canary.CREATED).hasValue(0);
  }

  @Test
  void manifestAndStateWithClassPayloadAreRefused() throws Exception {
    Path manifest =
        file(
            "manifest.json",
            "{'@class': '" + CANARY + "', 'versions': {'x': ['" + CANARY + "', {}]}}");
    assertThatThrownBy(() -> Json.read(manifest, Manifest.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manifest.json");
    Path state = file("state.json", "{'phase': 0, 'extra': ['" + CANARY + "', {'value': 'x'}]}");
    assertThatThrownBy(() -> Json.read(state, TrainerState.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Canary.CREATED).hasValue(0);
  }
}
