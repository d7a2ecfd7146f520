package io.tfjlab.eval.compare;

/**
 * The number a seed report got for a comparison row (shared/docs/seed-results.md).
 *
 * @param text as the report states it, e.g. "85–88%"
 * @param source which report, e.g. "seed 000"
 * @param accuracy a single fraction to compare against (the middle of a range)
 */
public record SeedReport(String text, String source, double accuracy) {}
