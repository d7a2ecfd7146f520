package io.tfjlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.eval.compare.ComparisonRow;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --cluster slurm}: a SLURM array job over the same resolved specs, for clusters that run
 * batch jobs rather than Spark. It writes {@code plan.json} (one row per run, each spec replayable)
 * and {@code tfjlab.sbatch} ({@code #SBATCH --array=0-(N-1)%P --requeue}); array task {@code i}
 * runs {@code tfjlab compare --plan plan.json --only ROW_i} on the store, so a requeued task reuses
 * a finished run or resumes an interrupted one through the same run ledger. Afterwards {@code
 * tfjlab compare --plan plan.json --runs-dir STORE} prints the table (every run reused).
 */
final class SlurmScript {
  private SlurmScript() {}

  /** Writes plan.json and tfjlab.sbatch under {@code dir}; returns the script. */
  static Path write(
      List<ComparisonRow> rows, Path store, Path dir, ClusterOptions cluster, ReportOptions where)
      throws IOException {
    ObjectNode plan = Json.MAPPER.createObjectNode();
    plan.put("name", dir.getParent().getFileName().toString());
    plan.put("description", "written by --cluster slurm: one row per run");
    ArrayNode planRows = plan.putArray("rows");
    List<String> ids = new ArrayList<>();
    for (ComparisonRow row : rows) {
      int i = 0;
      for (RunSpec spec : row.runs()) {
        String id = row.runs().size() > 1 ? row.id() + "#" + (++i) : row.id();
        ObjectNode r = planRows.addObject();
        r.put("id", id);
        r.put("title", row.title());
        ObjectNode replay =
            (ObjectNode) Json.MAPPER.readTree(PlanExecution.clusterRun(id, spec).spec());
        replay.put("threads", cluster.threads); // TensorFlow threads = --cpus-per-task
        r.set("spec", replay);
        r.putArray("labelSeeds").add(spec.labelSeed());
        ids.add(id);
      }
    }
    String launcher = System.getProperty("tfjlab.launcher", "./tfjlab");
    Path planFile = dir.resolve("plan.json").toAbsolutePath();
    Path logs = store.resolve(".logs");
    StringBuilder sh = new StringBuilder();
    sh.append("#!/bin/bash\n")
        .append("#SBATCH --job-name=tfjlab-")
        .append(plan.get("name").asText())
        .append('\n')
        .append("#SBATCH --array=0-")
        .append(ids.size() - 1)
        .append('%')
        .append(cluster.slurmParallel)
        .append('\n')
        .append("#SBATCH --requeue\n")
        .append("#SBATCH --cpus-per-task=")
        .append(cluster.threads)
        .append('\n')
        .append("#SBATCH --output=")
        .append(logs)
        .append("/slurm-%A_%a.log\n")
        .append("# written by tfjlab --cluster slurm; submit with: sbatch ")
        .append(dir.toAbsolutePath().resolve("tfjlab.sbatch"))
        .append("\n# then the table: ")
        .append(launcher)
        .append(" compare --plan ")
        .append(planFile)
        .append(" --runs-dir ")
        .append(store)
        .append("\nset -euo pipefail\nROWS=(");
    for (String id : ids) {
      sh.append(" '").append(id.replace("'", "'\\''")).append('\'');
    }
    sh.append(" )\nROW=\"${ROWS[$SLURM_ARRAY_TASK_ID]}\"\n")
        .append(
            "# reuses a finished run, resumes an interrupted one (a requeued task), else trains\n")
        .append("exec ")
        .append(launcher)
        .append(" compare --plan ")
        .append(planFile)
        .append(" --only \"$ROW\" --runs-dir ")
        .append(store)
        .append(" --reports-dir ")
        .append(dir.toAbsolutePath().resolve("tasks"))
        .append(" --name \"task-$SLURM_ARRAY_TASK_ID\"");
    if (where.dataDir != null) {
      sh.append(" --data-dir ").append(where.dataDir.toAbsolutePath());
    }
    sh.append('\n');
    Files.createDirectories(dir);
    Files.createDirectories(logs);
    Json.writeString(planFile, plan.toPrettyString() + "\n");
    Path script = dir.resolve("tfjlab.sbatch");
    Json.writeString(script, sh.toString());
    script.toFile().setExecutable(true);
    return script;
  }
}
