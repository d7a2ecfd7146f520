package io.tfjlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import io.tfjlab.cli.cluster.ClusterBackend;
import io.tfjlab.cli.cluster.ClusterJob;
import io.tfjlab.cli.cluster.RemoteStore;
import io.tfjlab.eval.compare.ComparisonReport;
import io.tfjlab.eval.compare.ComparisonRow;
import io.tfjlab.eval.compare.ComparisonRunner;
import io.tfjlab.eval.compare.RowResult;
import io.tfjlab.eval.compare.RunLedger;
import io.tfjlab.runs.ReportLayout;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.CodeDigest;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.ReplayableSpecSerializer;
import io.tfjlab.training.run.RunExecutor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one path of a comparison or a sweep once its rows are resolved: the runs are trained here one
 * after another, or first on a cluster into the store (then every run is finished there and the
 * same ledger reuses it), then the table, the report folder and the notebook.
 */
final class PlanExecution {
  private PlanExecution() {}

  /**
   * Trains (or reuses) the rows' runs, writes the report; what {@code compare} and {@code sweep}
   * print.
   */
  static int run(
      String kind,
      String planName,
      List<ComparisonRow> rows,
      ReportOptions where,
      ClusterOptions cluster,
      Injector injector,
      String[] args)
      throws IOException {
    where
        .data()
        .checkFromApplies(
            rows.stream()
                .flatMap(r -> r.runs().stream())
                .map(RunSpec::dataset)
                .distinct()
                .toList());
    Path reportDir = where.reportDir(planName);
    String reportName = reportDir.getFileName().toString();
    // a Hadoop store (hdfs://, s3a://): refused here without a Spark --cluster; its finished runs
    // are copied into a local folder, the runs folder of everything below
    Optional<URI> remote = cluster.remoteStore();
    Path runsDir =
        cluster.master != null || cluster.store != null
            ? cluster.storeFolder(where.runsDir)
            : where.runsDir;
    RunExecutor executor = injector.getInstance(RunExecutor.class);
    String command = "tfjlab " + String.join(" ", args);
    System.out.printf(
        "%s '%s' (%s %s): %d rows, %d runs; runs in %s, report in %s%n",
        kind.equals("sweep") ? "Sweep" : "Comparison",
        reportName,
        kind.equals("sweep") ? "grid" : "plan",
        planName,
        rows.size(),
        rows.stream().mapToInt(r -> r.runs().size()).sum(),
        remote
            .map(u -> u + " (finished runs copied to " + runsDir + ")")
            .orElse(runsDir.toString()),
        reportDir);
    if (cluster.slurm()) {
      Path script = SlurmScript.write(rows, runsDir, reportDir.resolve("slurm"), cluster, where);
      System.out.println("SLURM array job written: sbatch " + script);
      return 0;
    }
    if (cluster.spark()) {
      runOnCluster(reportName, rows, runsDir, remote, cluster, where, executor);
    }
    // every finished run: its figures and evaluation, and a SavedModel the notebook's Python cells
    // reload (after a cluster job every run is finished in the store: the ledger reuses each)
    ComparisonRunner runner =
        new ComparisonRunner(
            executor, runsDir, command, System.out, CompareCommand.finishRun(injector));
    List<RowResult> results = runner.run(rows);

    ComparisonReport report =
        new ComparisonReport(
            reportName,
            planName,
            // the rows' data set ("mnist" for the seed plans on MNIST); several: joined with ", "
            String.join(
                ", ",
                rows.stream()
                    .flatMap(r -> r.runs().stream())
                    .map(RunSpec::dataset)
                    .distinct()
                    .toList()),
            Instant.now().toString(),
            CompareCommand.machine(),
            command,
            results);
    Path notebook = CompareCommand.writeReport(report, reportDir);
    NotebookTestSet.write(report.dataset(), reportDir, where.data());
    System.out.println();
    System.out.print(report.text());
    System.out.println();
    System.out.println(
        "Report: "
            + reportDir.resolve(ComparisonReport.MARKDOWN)
            + ", "
            + reportDir.resolve(ComparisonReport.JSON)
            + ", "
            + notebook
            + ", figures in "
            + new ReportLayout(reportDir).figures());
    return 0;
  }

  /**
   * The runs not finished in the store, as Spark tasks; afterwards each must be finished there
   * (else one line names the run and its task log). With a remote store, {@code store} is the local
   * folder its finished runs are copied to, before and after the job.
   */
  private static void runOnCluster(
      String name,
      List<ComparisonRow> rows,
      Path store,
      Optional<URI> remote,
      ClusterOptions cluster,
      ReportOptions where,
      RunExecutor executor) {
    ClusterBackend backend = ClusterBackend.require(cluster.master);
    Optional<RemoteStore> hadoop = remote.map(u -> backend.store(u.toString(), cluster.conf));
    String storeName = remote.map(URI::toString).orElse(store.toString());
    RunLedger ledger = new RunLedger(store);
    List<ClusterJob.ClusterRun> todo = new ArrayList<>();
    List<ClusterJob.ClusterRun> all = new ArrayList<>();
    List<RunSpec> specs = new ArrayList<>();
    List<String> rowIds = new ArrayList<>();
    for (ComparisonRow row : rows) {
      int i = 0;
      for (RunSpec spec : row.runs()) {
        RunSpec resolved = executor.resolve(spec);
        String id = row.runs().size() > 1 ? row.id() + "#" + (++i) : row.id();
        ClusterJob.ClusterRun run = clusterRun(id, resolved);
        all.add(run);
        specs.add(resolved);
        rowIds.add(row.id());
        boolean finished =
            hadoop.isPresent()
                ? hadoop.get().fetchFinished(run.folder(), store)
                : ledger.find(resolved, () -> executor.dataChecksums(resolved.dataset()))
                    instanceof RunLedger.Finished;
        if (!finished) {
          todo.add(run);
        }
      }
    }
    System.out.printf(
        "Cluster %s: %d of %d runs to train or resume (%d finished in the store %s)%n",
        cluster.master, todo.size(), all.size(), all.size() - todo.size(), storeName);
    if (!todo.isEmpty()) {
      ClusterJob job =
          new ClusterJob(
              name,
              cluster.master,
              storeName,
              cluster.threads,
              todo,
              cluster.taskJavaOptions,
              "",
              where.dataDir == null ? "" : where.dataDir.toAbsolutePath().toString(),
              cluster.conf,
              cluster.faultAfterCheckpoint);
      backend.run(job, System.out);
      if (hadoop.isPresent()) {
        for (ClusterJob.ClusterRun run : todo) {
          hadoop.get().fetchFinished(run.folder(), store);
        }
        System.out.printf("Copied the finished runs from %s to %s%n", storeName, store);
      }
    }
    for (int k = 0; k < all.size(); k++) {
      RunSpec resolved = specs.get(k);
      if (!(ledger.find(resolved, () -> executor.dataChecksums(resolved.dataset()))
          instanceof RunLedger.Finished)) {
        throw new IllegalStateException(
            "row "
                + rowIds.get(k)
                + ": the cluster job ended but "
                + storeName
                + "/"
                + all.get(k).folder()
                + " holds no finished run of its spec; see the task logs in "
                + storeName
                + "/.logs");
      }
    }
  }

  /** A run of a cluster job: its store folder name is a function of the spec and the code. */
  static ClusterJob.ClusterRun clusterRun(String id, RunSpec resolved) {
    ObjectNode spec = Json.MAPPER.valueToTree(resolved);
    for (String field : ReplayableSpecSerializer.MEANINGFUL_NULLS) {
      if (!spec.has(field)) {
        spec.putNull(field);
      }
    }
    ObjectNode key = spec.deepCopy();
    key.remove("threads");
    String base =
        RunLayout.baseName(
            resolved.model().type(),
            resolved.dataset().replaceAll("[^A-Za-z0-9._-]", "_"),
            resolved.labels());
    String folder = base + "-" + number(key.toString() + "\n" + CodeDigest.current());
    return new ClusterJob.ClusterRun(id, folder, spec.toPrettyString());
  }

  /** A run number from a digest: 7 hex digits of SHA-256, as a decimal. */
  private static long number(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ((d[0] & 0xffL) << 20
              | (d[1] & 0xffL) << 12
              | (d[2] & 0xffL) << 4
              | (d[3] & 0xf0L) >> 4)
          + 1;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
