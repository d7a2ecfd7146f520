package io.tfjlab.eval.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.spec.ResolvedSpec;
import io.tfjlab.training.spec.SpecResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison as data: a plan file lists rows (id, title, the seed report's number, a spec
 * overlay, label seeds). Built-in plans are resources ({@code io/tfjlab/eval/plans/<name>.json}):
 * {@code default} (short schedules, label seed 1, about 25 minutes on two cores), {@code paper}
 * (the schedules of docs/RESULTS.md, label seeds 1 to 5) and {@code smoke} (the default plan with
 * three batches per epoch: checks the plumbing), {@code cifar10} and {@code usps} (seeds 004 and
 * 002 on their data sets); {@code ./tfjlab compare --plan FILE} runs a user's.
 *
 * <p>Each row's spec is resolved like a spec file ({@link SpecResolver}: built-in defaults, model
 * family, preset, then the row, then the plan's {@code everyRow} overlay). A row with labels gets
 * one run per label seed (the row's {@code labelSeeds}, else the plan's); a row with all labels
 * one.
 *
 * @param name the plan's name (the report folder's default name)
 * @param description what the plan is for, printed with the table
 * @param rows the rows, in table order
 */
public record ComparisonPlan(String name, String description, List<ComparisonRow> rows) {
  public static final List<String> BUILT_IN =
      List.of("default", "paper", "smoke", "cifar10", "usps");

  public ComparisonPlan {
    rows = List.copyOf(rows);
  }

  /** A plan file as JSON reads it. */
  record PlanFile(
      String name,
      String description,
      List<Long> labelSeeds,
      @JsonProperty("extends") String parent,
      ObjectNode everyRow,
      List<PlanRow> rows) {}

  /** A row of a plan file: its spec is an overlay, as a spec file. */
  record PlanRow(
      String id, String title, SeedReport seedReport, ObjectNode spec, List<Long> labelSeeds) {}

  /** A built-in plan by name, or a plan file by path. */
  public static ComparisonPlan load(String nameOrFile, SpecResolver resolver) {
    PlanFile plan = read(nameOrFile);
    List<PlanRow> rows = plan.rows();
    List<Long> seeds = plan.labelSeeds();
    if (plan.parent() != null) {
      PlanFile parent = read(plan.parent());
      rows = rows == null ? parent.rows() : rows;
      seeds = seeds == null ? parent.labelSeeds() : seeds;
    }
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException(
          "plan "
              + nameOrFile
              + " has no rows; give \"rows\": [{\"id\": ..., "
              + "\"title\": ..., \"spec\": {\"model\": {\"type\": ...}}}]");
    }
    String name = plan.name() != null ? plan.name() : stem(nameOrFile);
    List<ComparisonRow> out = new ArrayList<>();
    for (PlanRow row : rows) {
      out.add(
          row(
              name,
              row,
              plan.everyRow(),
              row.labelSeeds() != null ? row.labelSeeds() : seeds != null ? seeds : List.of(1L),
              resolver));
    }
    return new ComparisonPlan(name, plan.description() == null ? "" : plan.description(), out);
  }

  private static ComparisonRow row(
      String plan, PlanRow row, ObjectNode everyRow, List<Long> seeds, SpecResolver resolver) {
    if (row.id() == null || row.spec() == null) {
      throw new IllegalArgumentException(
          "plan " + plan + ": every row needs an \"id\" and a \"spec\"");
    }
    List<SpecLayer> layers = new ArrayList<>();
    layers.add(new SpecLayer("plan " + plan + " row " + row.id(), row.spec()));
    if (everyRow != null) {
      layers.add(new SpecLayer("plan " + plan + " everyRow", everyRow));
    }
    ResolvedSpec resolved;
    try {
      resolved = resolver.resolve(layers);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "plan " + plan + ", row " + row.id() + ": " + e.getMessage(), e);
    }
    List<ResolvedSpec> runs =
        resolved.spec().labels() == 0
            ? List.of(resolved)
            : seeds.stream()
                .map(
                    s ->
                        resolved.with(
                            resolved.spec().withLabelSeed(s),
                            "labelSeed",
                            "plan " + plan + " labelSeeds"))
                .toList();
    return new ComparisonRow(
        row.id(),
        row.title() == null ? row.id() : row.title(),
        runs,
        java.util.Optional.ofNullable(row.seedReport()));
  }

  private static PlanFile read(String nameOrFile) {
    try {
      if (BUILT_IN.contains(nameOrFile)) {
        try (InputStream in =
            ComparisonPlan.class.getResourceAsStream(
                "/io/tfjlab/eval/plans/" + nameOrFile + ".json")) {
          return Json.MAPPER.readValue(in, PlanFile.class);
        }
      }
      Path file = Path.of(nameOrFile);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "unknown comparison plan '"
                + nameOrFile
                + "'; use "
                + String.join(", ", BUILT_IN)
                + " or a plan file (JSON, see docs/ARCHITECTURE.md)");
      }
      return Json.MAPPER.readValue(file.toFile(), PlanFile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "plan " + nameOrFile + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static String stem(String file) {
    String n = Path.of(file).getFileName().toString();
    return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
  }
}
