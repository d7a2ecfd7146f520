package io.tfjlab.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.ImageSet;
import io.tfjlab.data.TestImages;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataSplitterTest {
  final ImageSet set = TestImages.balanced(10, 50);

  @Test
  void validationIsStratifiedAndDisjointFromTraining() {
    Splits s = DataSplitter.split(set, new SplitSpec(ValidationSplit.fraction(0.1), 0, 1, 2));
    assertThat(s.validation()).hasSize(50);
    assertThat(s.train()).hasSize(450);
    int[] perClass = new int[10];
    for (int i : s.validation()) {
      perClass[set.label(i)]++;
    }
    assertThat(perClass).containsOnly(5);
    assertThat(intersection(s.train(), s.validation())).isEmpty();
    assertThat(s.allLabeled()).isTrue();
  }

  @Test
  void countSplitsAllocateExactlyByLargestRemainder() {
    Splits s = DataSplitter.split(set, new SplitSpec(ValidationSplit.count(37), 0, 1, 2));
    assertThat(s.validation()).hasSize(37);
    assertThat(s.train()).hasSize(463);
  }

  @Test
  void labeledSubsetIsBalancedAndDrawnFromTrainingOnly() {
    Splits s = DataSplitter.split(set, new SplitSpec(ValidationSplit.fraction(0.2), 100, 1, 7));
    assertThat(s.labeled()).hasSize(100);
    int[] perClass = new int[10];
    for (int i : s.labeled()) {
      perClass[set.label(i)]++;
    }
    assertThat(perClass).containsOnly(10);
    Set<Integer> train = toSet(s.train());
    assertThat(Arrays.stream(s.labeled()).allMatch(train::contains)).isTrue();
    assertThat(intersection(s.labeled(), s.validation())).isEmpty();
  }

  @Test
  void sameSeedsGiveTheSameIndicesAndOtherLabelSeedsOtherLabels() {
    SplitSpec spec = new SplitSpec(ValidationSplit.fraction(0.1), 20, 3, 4);
    Splits a = DataSplitter.split(set, spec);
    Splits b = DataSplitter.split(set, spec);
    assertThat(a.labeled()).isEqualTo(b.labeled());
    assertThat(a.validation()).isEqualTo(b.validation());
    assertThat(a.labeledDigest()).isEqualTo(b.labeledDigest()).hasSize(64);

    Splits c = DataSplitter.split(set, new SplitSpec(ValidationSplit.fraction(0.1), 20, 3, 5));
    assertThat(c.validation()).isEqualTo(a.validation());
    assertThat(c.labeled()).isNotEqualTo(a.labeled());
    assertThat(c.labeledDigest()).isNotEqualTo(a.labeledDigest());
  }

  @Test
  void labelsThatCannotBeBalancedAreRefusedNamingTheNearestCounts() {
    assertThatThrownBy(
            () -> DataSplitter.split(set, new SplitSpec(ValidationSplit.none(), 13, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a balanced labeled subset of 10 classes needs a multiple of 10 labels, got 13;"
                + " use --labels 10 or 20 (or 0 for all)");
    assertThatThrownBy(
            () -> DataSplitter.split(set, new SplitSpec(ValidationSplit.none(), 7, 1, 1)))
        .hasMessageContaining("use --labels 10 (or 0 for all)");
  }

  @Test
  void tooManyLabelsOrBadFractionsAreClearErrors() {
    assertThatThrownBy(
            () -> DataSplitter.split(set, new SplitSpec(ValidationSplit.fraction(0.5), 300, 1, 1)))
        .hasMessageContaining("asked for 300 labels but only 250")
        .hasMessageContaining("--labels");
    assertThatThrownBy(() -> ValidationSplit.fraction(1.5)).hasMessageContaining("[0, 1)");
    assertThatThrownBy(() -> new SplitSpec(ValidationSplit.none(), -1, 0, 0))
        .hasMessageContaining("labels");
  }

  private static Set<Integer> toSet(int[] a) {
    return new HashSet<>(IntStream.of(a).boxed().toList());
  }

  private static Set<Integer> intersection(int[] a, int[] b) {
    Set<Integer> s = toSet(a);
    s.retainAll(toSet(b));
    return s;
  }
}
