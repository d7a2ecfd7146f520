package io.tfjlab.cli;

import io.tfjlab.eval.studies.ReconstructionStudy;
import java.util.Locale;

/** The reconstruction study's table for the terminal. */
final class ReconstructionStudyText {
  private ReconstructionStudyText() {}

  static String table(ReconstructionStudy.Result r) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Reconstruction error on %s test images (%s)%n",
                r.dataset(),
                r.unit()));
    b.append(
        String.format(
            Locale.ROOT,
            "%9s  %17s  %17s  %10s  %10s%n",
            "code size",
            "MSE mean / std",
            "BCE mean / std",
            "BCE - MSE",
            "Wilcoxon p"));
    for (ReconstructionStudy.Row row : r.rows()) {
      b.append(row.format("%9d  %8.3f / %6.3f  %8.3f / %6.3f  %+10.3f  %10s%n"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "Over the %d code sizes: Wilcoxon two-sided p = %.5f, one-sided p = %.5f "
                + "(BCE lower) / %.5f (MSE lower); seed 002: 0.03125 (BCE lower)%n",
            r.acrossCodeSizes().n(),
            r.acrossCodeSizes().pValue(),
            r.acrossCodeSizes().pLessExact(),
            r.acrossCodeSizes().pGreaterExact()));
    return b.toString();
  }
}
