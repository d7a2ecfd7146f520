package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.models.zoo.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipesTest {
  @TempDir Path dir;

  @Test
  void aSpecFileKeepsItsFieldsAndTakesTheRestFromTheModelsRecipe() throws Exception {
    Path f = dir.resolve("spec.json");
    Files.writeString(f, "{\"model\": {\"type\": \"sgan\", \"discriminator\": \"cnn\"}, \"epochs\": 3}");
    RunSpec s = Recipes.withFile(f);
    assertThat(s.epochs()).isEqualTo(3);
    assertThat(s.model().discriminator()).isEqualTo("cnn");
    // from the sgan recipe
    assertThat(s.labels()).isEqualTo(100);
    assertThat(s.batchSize()).isEqualTo(100);
    assertThat(s.optimizer().learningRate()).isEqualTo(0.003);
    assertThat(s.checkpoint()).isEqualTo("last");
  }

  @Test
  void theSganScheduleAndAugmentationDependOnTheDiscriminatorAndPaperIsLonger() {
    ModelSpec sgan = ModelSpec.of("sgan");
    assertThat(Recipes.base(sgan).epochs()).isEqualTo(30);
    assertThat(Recipes.base(sgan.withDiscriminator("mlp")).epochs()).isEqualTo(30);
    assertThat(Recipes.base(sgan.withDiscriminator("cnn")).epochs()).isEqualTo(12);
    assertThat(Recipes.base(sgan).augment()).isNull();
    assertThat(Recipes.base(sgan.withDiscriminator("cnn")).augment()).isEqualTo(AugmentSpec.digits());
    assertThat(Recipes.base(sgan.withDiscriminator("cnn").withPreset("paper")).augment())
        .isEqualTo(AugmentSpec.digits());
    RunSpec paper = Recipes.base(sgan.withPreset("paper"));
    assertThat(paper.epochs()).isEqualTo(300);
    assertThat(paper.model().averageRate()).isEqualTo(0.0001);
  }

  @Test
  void aSpecFileOfAModelWithoutRecipeIsTheFileWithTheDefaults() throws Exception {
    Path f = dir.resolve("spec.json");
    Files.writeString(f, "{\"model\": {\"type\": \"cnn\"}, \"labels\": 100}");
    RunSpec s = Recipes.withFile(f);
    assertThat(s).isEqualTo(RunSpec.of(s.model()).withLabels(100));
  }
}
