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

  @Option(
      names = "--status",
      description =
          "Print where each point stands in the store (or --runs-dir): finished (test metric),"
              + " resumable (epochs of its last checkpoint) or missing; train nothing. The same"
              + " command without --status then collects: it reuses what is finished.")
  boolean status;

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
    if (status) {
      return status(sweep, injector);
    }
    return PlanExecution.run("sweep", sweep.name(), sweep.rows(), where, cluster, injector, args);
  }

  private int status(SweepGrid sweep, Injector injector) {
    // a Hadoop store: its finished runs copied to a local folder (the cluster backend reads it)
    java.util.Optional<java.net.URI> remote = cluster.remoteStore();
    Path store =
        cluster.master != null || cluster.store != null
            ? cluster.storeFolder(where.runsDir)
            : where.runsDir;
    java.util.Optional<io.tfjlab.cli.cluster.RemoteStore> hadoop =
        remote.map(
            u ->
                io.tfjlab.cli.cluster.ClusterBackend.require(cluster.master)
                    .store(u.toString(), cluster.conf));
    io.tfjlab.training.run.RunExecutor executor =
        injector.getInstance(io.tfjlab.training.run.RunExecutor.class);
    io.tfjlab.eval.compare.RunLedger ledger = new io.tfjlab.eval.compare.RunLedger(store);
    int finished = 0;
    System.out.printf(
        "Sweep '%s' in %s:%n",
        sweep.name(),
        remote.map(u -> u + " (finished runs copied to " + store + ")").orElse(store.toString()));
    for (io.tfjlab.eval.compare.ComparisonRow row : sweep.rows()) {
      io.tfjlab.training.RunSpec spec = executor.resolve(row.runs().get(0));
      String folder = PlanExecution.clusterRun(row.id(), spec).folder();
      java.util.Optional<String> remoteLast = java.util.Optional.empty();
      if (hadoop.isPresent() && !hadoop.get().fetchFinished(folder, store)) {
        remoteLast = hadoop.get().lastCheckpointState(folder);
      }
      io.tfjlab.eval.compare.RunLedger.Entry e =
          ledger.find(spec, () -> executor.dataChecksums(spec.dataset()));
      String state;
      if (e instanceof io.tfjlab.eval.compare.RunLedger.Finished f) {
        io.tfjlab.training.run.RunResult r =
            io.tfjlab.training.run.Json.read(
                f.run().resolve(io.tfjlab.runs.RunLayout.RESULTS),
                io.tfjlab.training.run.RunResult.class);
        state =
            String.format(
                java.util.Locale.ROOT,
                "finished  test %s %.4f  %s",
                r.metricName(),
                r.testMetric(),
                f.run().getFileName());
        finished++;
      } else if (e instanceof io.tfjlab.eval.compare.RunLedger.Interrupted i) {
        state = "resumable " + lastEpoch(i.run()) + "  " + i.run().getFileName();
      } else if (remoteLast.isPresent()) {
        state = "resumable " + lastEpoch(remoteLast.get()) + "  " + folder;
      } else {
        state = "missing";
      }
      System.out.printf("  %-40s %s%n", row.id(), state);
    }
    System.out.printf("%d of %d points finished%n", finished, sweep.rows().size());
    return 0;
  }

  /** "epoch E of phase P" of a run's last checkpoint. */
  private static String lastEpoch(Path run) {
    Path state =
        new io.tfjlab.runs.RunLayout(run)
            .checkpoint(io.tfjlab.runs.RunLayout.LAST)
            .resolve("trainer-state.json");
    try {
      return lastEpoch(java.nio.file.Files.readString(state));
    } catch (java.io.IOException ex) {
      return "(last checkpoint unreadable)";
    }
  }

  /** "epoch E of phase P" of a last checkpoint's trainer state (its JSON text). */
  private static String lastEpoch(String trainerState) {
    try {
      com.fasterxml.jackson.databind.JsonNode s =
          io.tfjlab.training.run.Json.MAPPER.readTree(trainerState);
      return "(last checkpoint: phase "
          + (s.path("phase").asInt() + 1)
          + ", epoch "
          + s.path("epoch").asInt()
          + ")";
    } catch (java.io.IOException ex) {
      return "(last checkpoint unreadable)";
    }
  }
}
