package io.tfjlab.training.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.MlpSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.SganSpec;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layers of a spec and the one merge rule. */
class SpecResolverTest {
  static final SpecResolver RESOLVER =
      new SpecResolver(
          com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class));

  @TempDir Path dir;

  static SpecLayer layer(String name, String json) throws Exception {
    return new SpecLayer(name, (ObjectNode) Json.MAPPER.readTree(json));
  }

  static ResolvedSpec resolve(String... jsonLayers) throws Exception {
    List<SpecLayer> layers = new java.util.ArrayList<>();
    for (int i = 0; i < jsonLayers.length; i++) {
      layers.add(layer("layer " + (i + 1), jsonLayers[i]));
    }
    return RESOLVER.resolve(layers);
  }

  @Test
  void aSpecFileKeepsItsFieldsAndTakesTheRestFromTheModelFamily() throws Exception {
    Path f = dir.resolve("spec.json");
    Files.writeString(
        f, "{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}, \"epochs\": 3}");
    ResolvedSpec r = RESOLVER.resolve(List.of(SpecResolver.file(f)));
    RunSpec s = r.spec();
    assertThat(s.epochs()).isEqualTo(3);
    assertThat(((SganSpec) s.model()).discriminator()).isEqualTo("cnn");
    assertThat(s.labels()).isEqualTo(100);
    assertThat(s.batchSize()).isEqualTo(100);
    assertThat(s.optimizer().learningRate()).isEqualTo(0.003);
    assertThat(s.checkpoint()).isEqualTo("last");
    assertThat(s.augment()).isEqualTo(AugmentSpec.digits());
    assertThat(r.provenance())
        .containsEntry("epochs", "spec file spec.json")
        .containsEntry("batchSize", "family sgan")
        .containsEntry("augment.zoom", "family sgan when {\"discriminator\":\"cnn\"}")
        .doesNotContainKey("seed");
  }

  @Test
  void theSganScheduleDependsOnTheDiscriminatorAndThePresetIsAnOverlay() throws Exception {
    assertThat(resolve("{\"model\": {\"type\": \"sgan\"}}").spec().epochs()).isEqualTo(30);
    assertThat(resolve("{\"model\": {\"type\": \"sgan\"}}").spec().augment()).isNull();
    assertThat(
            resolve("{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}}")
                .spec()
                .epochs())
        .isEqualTo(12);
    // the discriminator given in a higher layer than the model type still brings the CNN schedule
    assertThat(
            resolve(
                    "{\"model\": {\"type\": \"sgan\"}}",
                    "{\"model\": {\"discriminator\": \"cnn\"}}")
                .spec()
                .epochs())
        .isEqualTo(12);
    ResolvedSpec paper = resolve("{\"model\": {\"type\": \"sgan\", \"preset\": \"paper\"}}");
    assertThat(paper.spec().epochs()).isEqualTo(300);
    assertThat(((SganSpec) paper.spec().model()).averageRate()).isEqualTo(0.0001);
    assertThat(paper.provenance()).containsEntry("model.averageRate", "preset paper");
    assertThat(
            ((SganSpec)
                    resolve(
                            "{\"model\": {\"type\": \"sgan\", \"preset\": \"paper\", \"averageRate\": 0.01}}")
                        .spec()
                        .model())
                .averageRate())
        .isEqualTo(0.01);
  }

  @Test
  void objectsMergeKeyByKeyAndAnotherKindStartsAgain() throws Exception {
    RunSpec lr =
        resolve("{\"model\": {\"type\": \"sgan\"}, \"optimizer\": {\"learningRate\": 0.001}}")
            .spec();
    assertThat(lr.optimizer().beta1()).isEqualTo(0.5);
    assertThat(lr.optimizer().epsilon()).isEqualTo(1e-4);
    RunSpec sgd =
        resolve("{\"model\": {\"type\": \"sgan\"}, \"optimizer\": {\"name\": \"sgd\"}}").spec();
    assertThat(sgd.optimizer().name()).isEqualTo("sgd");
    assertThat(sgd.optimizer().learningRate()).isEqualTo(0.003);
    assertThat(sgd.optimizer().beta1()).isNull();
    RunSpec noAugment =
        resolve(
                "{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}}",
                "{\"augment\": null}")
            .spec();
    assertThat(noAugment.augment()).isNull();
    RunSpec mlp =
        resolve(
                "{\"model\": {\"type\": \"cnn\", \"dropout\": 0.4}}",
                "{\"model\": {\"type\": \"mlp\"}}")
            .spec();
    assertThat(((MlpSpec) mlp.model()).dropout()).isEqualTo(0.0);
    assertThat(((MlpSpec) mlp.model()).hidden()).containsExactly(150, 150);
  }

  @Test
  void aSpecOfAModelWithoutFamilyRunDefaultsIsTheSpecWithTheBuiltInDefaults() throws Exception {
    RunSpec s = resolve("{\"model\": {\"type\": \"cnn\"}, \"labels\": 100, \"threads\": 2}").spec();
    assertThat(s).isEqualTo(RunSpec.of(s.model()).withLabels(100).withThreads(2));
  }

  @Test
  void aManifestsSpecReplaysAsASpecFileEvenWhereAnOptionUnsetAFamilyDefault() throws Exception {
    for (String[] layers :
        new String[][] {
          {"{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}}", "{\"augment\": null}"},
          {"{\"model\": {\"type\": \"dcgan-transfer\"}}", "{\"stepsPerEpoch\": null}"},
          {"{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}}"}
        }) {
      RunSpec run = resolve(layers).spec();
      io.tfjlab.training.run.Manifest m =
          new io.tfjlab.training.run.Manifest(
              "r",
              "finished",
              run,
              java.util.Map.of(),
              null,
              "host",
              "t",
              null,
              java.util.Map.of(),
              "c",
              java.util.Map.of());
      Path replay = dir.resolve("replay.json");
      Files.writeString(
          replay, Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(m)).get("spec").toString());
      assertThat(RESOLVER.resolve(List.of(SpecResolver.file(replay))).spec()).isEqualTo(run);
    }
  }

  @Test
  void badSpecsAreOneLineErrorsNamingTheField() throws Exception {
    assertThatThrownBy(() -> resolve("{\"epochs\": 3}")).hasMessageContaining("--model NAME");
    assertThatThrownBy(() -> resolve("{\"model\": {\"type\": \"nope\"}}"))
        .hasMessageContaining("unknown model 'nope'");
    assertThatThrownBy(() -> resolve("{\"model\": {\"type\": \"cnn\"}, \"epoch\": 3}"))
        .hasMessageContaining("\"epoch\"");
    assertThatThrownBy(() -> resolve("{\"model\": {\"type\": \"cnn\"}, \"epochs\": 0}"))
        .hasMessageContaining("spec.epochs must be > 0");
    assertThatThrownBy(() -> resolve("{\"model\": {\"type\": \"mlp\", \"preset\": \"seed9\"}}"))
        .hasMessageContaining("unknown mlp preset 'seed9'; use seed002 or seed003");
    assertThatThrownBy(() -> resolve("{\"model\": {\"type\": \"linear\", \"preset\": \"paper\"}}"))
        .hasMessageContaining("model linear has no presets");
    // no option is silently ignored: a model field its family does not read is refused
    assertThatThrownBy(() -> resolve("{\"model\": {\"type\": \"sgan\", \"dropout\": 0.3}}"))
        .hasMessageContaining(
            "model.dropout does not apply to sgan (its options: averageRate, consistency, discriminator");
    assertThatThrownBy(() -> resolve("{\"model\": {\"type\": \"conv1d\", \"hidden\": [3]}}"))
        .hasMessageContaining("model.hidden does not apply to conv1d (its options: none)");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"model\": ");
    assertThatThrownBy(() -> SpecResolver.file(bad))
        .hasMessageContaining("bad.json: not valid JSON");
    assertThatThrownBy(() -> SpecResolver.file(dir.resolve("none.json")))
        .hasMessageContaining("not found");
  }
}
