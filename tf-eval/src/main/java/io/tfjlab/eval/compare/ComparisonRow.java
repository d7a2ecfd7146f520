package io.tfjlab.eval.compare;

import io.tfjlab.training.RunSpec;
import io.tfjlab.training.spec.ResolvedSpec;
import java.util.List;
import java.util.Optional;

/**
 * One row of the comparison: a model setting trained once per label seed.
 *
 * @param id short stable name, used for figure files (e.g. cnn-aug-100)
 * @param title what the table shows
 * @param resolved one resolved spec per label seed, with where its values came from
 * @param seedReport what the seed reports got for this row, if they have the row
 */
public record ComparisonRow(
    String id, String title, List<ResolvedSpec> resolved, Optional<SeedReport> seedReport) {
  public ComparisonRow {
    if (resolved.isEmpty()) {
      throw new IllegalArgumentException("comparison row " + id + " has no run");
    }
    resolved = List.copyOf(resolved);
  }

  /** The runs' specs. */
  public List<RunSpec> runs() {
    return resolved.stream().map(ResolvedSpec::spec).toList();
  }

  /** The row's labeled images (0 = all). */
  public int labels() {
    return runs().get(0).labels();
  }

  public String model() {
    return runs().get(0).model().type();
  }
}
