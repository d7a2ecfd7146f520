package io.tfjlab.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.training.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepGridTest {
  @TempDir Path dir;

  private SweepGrid load(String json) throws IOException {
    Path f = dir.resolve("grid.json");
    Files.writeString(f, json);
    return SweepGrid.load(f, ComparisonPlanTest.RESOLVER);
  }

  @Test
  void everyPointOfTheGridIsOneResolvedRunTheLastAxisFastest() throws IOException {
    SweepGrid g =
        load(
            "{\"base\": {\"model\": {\"type\": \"mlp\"}, \"labels\": 100, \"epochs\": 2},"
                + " \"axes\": {\"/optimizer/learningRate\": [0.001, 0.003],"
                + " \"/labelSeed\": [1, 2, 3]}}");
    assertThat(g.name()).isEqualTo("grid");
    assertThat(g.gridSize()).isEqualTo(6);
    assertThat(g.rows())
        .extracting(ComparisonRow::id)
        .containsExactly(
            "learningRate=0.001+labelSeed=1",
            "learningRate=0.001+labelSeed=2",
            "learningRate=0.001+labelSeed=3",
            "learningRate=0.003+labelSeed=1",
            "learningRate=0.003+labelSeed=2",
            "learningRate=0.003+labelSeed=3");
    assertThat(g.rows()).allMatch(r -> r.runs().size() == 1);
    RunSpec last = g.rows().get(5).runs().get(0);
    assertThat(last.optimizer().learningRate()).isEqualTo(0.003);
    assertThat(last.labelSeed()).isEqualTo(3L);
    assertThat(last.epochs()).isEqualTo(2);
    // the pointer set one field: the optimizer keeps the family's other settings
    assertThat(last.optimizer().name()).isEqualTo(g.rows().get(0).runs().get(0).optimizer().name());
  }

  @Test
  void aSeededSampleDrawsDistinctPointsTheSameForTheSameSeed() throws IOException {
    String grid =
        "{\"name\": \"s\", \"base\": {\"model\": {\"type\": \"xor\"}, \"dataset\": \"toy-xor\"},"
            + " \"axes\": {\"/seed\": [1, 2, 3, 4, 5, 6, 7, 8]}, \"sample\": {\"n\": 3, \"seed\": %d}}";
    List<String> a = load(String.format(grid, 7)).rows().stream().map(ComparisonRow::id).toList();
    List<String> b = load(String.format(grid, 7)).rows().stream().map(ComparisonRow::id).toList();
    List<String> c = load(String.format(grid, 8)).rows().stream().map(ComparisonRow::id).toList();
    assertThat(a).hasSize(3).doesNotHaveDuplicates().isEqualTo(b);
    assertThat(List.of(a, c)).isNotEqualTo(List.of(a, a)); // another seed, another sample
    assertThat(load(String.format(grid, 7)).gridSize()).isEqualTo(8);
  }

  @Test
  void badAxesAreRefusedInOneLineNamingTheFix() {
    assertThatThrownBy(
            () -> load("{\"base\": {\"model\": {\"type\": \"xor\"}}, \"axes\": {\"seed\": [1]}}"))
        .hasMessageContaining("axis 'seed' is not a JSON pointer; write it as /field");
    assertThatThrownBy(
            () -> load("{\"base\": {\"model\": {\"type\": \"xor\"}}, \"axes\": {\"/seed\": []}}"))
        .hasMessageContaining("axis /seed needs a non-empty list of values");
    assertThatThrownBy(() -> load("{\"axes\": {\"/seed\": [1]}}"))
        .hasMessageContaining("has no \"base\"");
    assertThatThrownBy(
            () ->
                load(
                    "{\"base\": {\"model\": {\"type\": \"xor\"}, \"epochs\": 3},"
                        + " \"axes\": {\"/epochs/x\": [1]}}"))
        .hasMessageContaining("goes through 'epochs', which is not an object");
    assertThatThrownBy(
            () ->
                load(
                    "{\"base\": {\"model\": {\"type\": \"xor\"}},"
                        + " \"axes\": {\"/model/nope\": [1]}}"))
        .hasMessageContaining("point nope=1");
  }
}
