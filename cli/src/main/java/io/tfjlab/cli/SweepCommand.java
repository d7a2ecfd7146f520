package io.tfjlab.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.eval.compare.SweepGrid;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.spec.SpecResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep}: a hyperparameter grid (a base spec and axes over spec fields by JSON pointer,
 * every point or a seeded sample of N) trained as a comparison with one run per point: here one
 * after another, or as Apache Spark tasks with {@code --cluster}; finished points are reused,
 * interrupted ones resumed; the table, report folder and notebook as {@code compare}.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train every point of a grid of specs (or a seeded sample of N points), print the table, and "
          + "write reports/<name>/ as compare does. Finished points are reused, interrupted ones resumed.",
      "Grid file: {\"base\": {spec}, \"axes\": {\"/optimizer/learningRate\": [0.001, 0.003],"
          + " \"/labelSeed\": [1, 2]}, \"sample\": {\"n\": 3, \"seed\": 1}}  (sample: optional)",
      "Example: ./tfjlab sweep --grid examples/sweep-xor.json --cluster local[2]"
    })
public final class SweepCommand implements Callable<Integer> {
  @Option(
      names = "--grid",
      required = true,
      paramLabel = "FILE",
      description = "The sweep: base spec, axes (JSON pointer → values), optional sample.")
  Path grid;

  @Option(
      names = "--list",
      description = "Print the points (id and resolved spec of each) and train nothing.")
  boolean list;

  @Mixin ReportOptions where = new ReportOptions();

  @Mixin ClusterOptions cluster = new ClusterOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  private String[] args = new String[0];

  public SweepCommand withArgs(String[] a) {
    this.args = a.clone();
    return this;
  }

  @Override
  public Integer call() throws IOException {
    Injector injector =
        Guice.createInjector(
            new TrainingModule(
                where.data(), DeviceSelection.placementOf(commandSpec.root().userObject())));
    SweepGrid sweep = SweepGrid.load(grid, new SpecResolver(injector.getInstance(ModelZoo.class)));
    if (list) {
      System.out.printf(
          "Sweep '%s': %d of %d grid points%n",
          sweep.name(), sweep.rows().size(), sweep.gridSize());
      sweep
          .rows()
          .forEach(
              r ->
                  System.out.println(
                      r.id()
                          + "  "
                          + io.tfjlab.training.run.Json.MAPPER
                              .valueToTree(r.runs().get(0))
                              .toString()));
      return 0;
    }
    return PlanExecution.run("sweep", sweep.name(), sweep.rows(), where, cluster, injector, args);
  }
}
