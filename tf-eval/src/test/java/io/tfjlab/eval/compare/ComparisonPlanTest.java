package io.tfjlab.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.spec.SpecResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonPlanTest {
  static final SpecResolver RESOLVER =
      new SpecResolver(
          com.google.inject.Guice.createInjector(new io.tfjlab.models.ModelsModule())
              .getInstance(ModelZoo.class));

  static List<ComparisonRow> plan(String name) {
    return ComparisonPlan.load(name, RESOLVER).rows();
  }

  @Test
  void everyRowOfTheSeedReportsIsThereWithHundredLabelsOrAll() {
    List<ComparisonRow> rows = plan("default");
    assertThat(rows)
        .extracting(ComparisonRow::id)
        .containsExactly(
            "linear-100",
            "mlp-100",
            "cnn-100",
            "cnn-aug-100",
            "ae-100",
            "dcgan-transfer-100",
            "sgan-mlp-100",
            "sgan-cnn-100",
            "linear-all",
            "mlp-all",
            "cnn-all");
    assertThat(rows.stream().filter(r -> r.id().endsWith("-100"))).allMatch(r -> r.labels() == 100);
    assertThat(rows.stream().filter(r -> r.id().endsWith("-all"))).allMatch(r -> r.labels() == 0);
    assertThat(rows).allMatch(r -> r.runs().size() == 1);
    ComparisonRow sgan =
        rows.stream().filter(r -> r.id().equals("sgan-cnn-100")).findFirst().orElseThrow();
    assertThat(((io.tfjlab.models.zoo.SganSpec) sgan.runs().get(0).model()).discriminator())
        .isEqualTo("cnn");
    assertThat(sgan.runs().get(0).checkpoint()).isEqualTo("last");
  }

  @Test
  void paperRunsFiveLabelSeedsOnTheHundredLabelRowsWithLongerSchedules() {
    List<ComparisonRow> paper = plan("paper");
    List<ComparisonRow> def = plan("default");
    for (int i = 0; i < paper.size(); i++) {
      ComparisonRow p = paper.get(i);
      if (p.labels() == 100) {
        assertThat(p.runs()).extracting(RunSpec::labelSeed).containsExactly(1L, 2L, 3L, 4L, 5L);
      }
      RunSpec a = p.runs().get(0);
      RunSpec b = def.get(i).runs().get(0);
      assertThat(a.epochs() + a.pretrainEpochs())
          .isGreaterThanOrEqualTo(b.epochs() + b.pretrainEpochs());
    }
  }

  @Test
  void smokeCapsEveryPhase() {
    assertThat(plan("smoke"))
        .flatMap(ComparisonRow::runs)
        .allMatch(s -> s.limitBatches() == 3 && s.epochs() == 1 && s.pretrainEpochs() <= 1);
  }

  @Test
  void anUnknownPresetNamesTheChoices() {
    assertThatThrownBy(() -> plan("fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown comparison plan 'fast'; use default, paper, smoke, cifar10, usps or a plan file");
  }
}
