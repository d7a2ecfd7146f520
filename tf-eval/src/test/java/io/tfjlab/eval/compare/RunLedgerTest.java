package io.tfjlab.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {
  @TempDir Path root;

  private final RunSpec spec =
      RunSpec.of(ModelSpec.of("linear")).withLabels(100).withLabelSeed(2L).withThreads(2);

  private Path run(String name, RunSpec s, String status, boolean results, boolean last)
      throws Exception {
    return run(name, s, status, results, last, Manifest.currentVersions());
  }

  private Path run(
      String name,
      RunSpec s,
      String status,
      boolean results,
      boolean last,
      Map<String, String> versions)
      throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    Json.write(
        dir.resolve("manifest.json"),
        new Manifest(
            name,
            status,
            s,
            versions,
            null,
            "host",
            "2026-11-22T00:00:00Z",
            null,
            Map.of(),
            "tfjlab train",
            Map.of()));
    if (results) {
      Files.writeString(dir.resolve("results.json"), "{}");
    }
    if (last) {
      Files.createDirectories(dir.resolve("checkpoints").resolve("last"));
    }
    return dir;
  }

  @Test
  void aUsersDataSetIsMatchedByItsContentNotOnlyByItsName() throws Exception {
    RunSpec onFolder = spec.withDataset("folder:/data/photos");
    Path dir = run("linear-folder-photos-100-1", onFolder, "finished", true, true);
    Manifest m = Json.read(dir.resolve("manifest.json"), Manifest.class);
    Map<String, String> digests = Map.of("train", "aa", "test", "bb");
    Json.write(
        dir.resolve("manifest.json"),
        new Manifest(
            m.run(),
            m.status(),
            m.spec(),
            m.versions(),
            new Manifest.DataRecord(
                "folder:/data/photos", digests, 90, 10, 100, null, null, 20, null),
            m.host(),
            m.started(),
            m.finished(),
            m.phaseSeconds(),
            m.command(),
            m.provenance()));
    RunLedger ledger = new RunLedger(root);
    assertThat(ledger.find(onFolder, () -> digests)).isEqualTo(new RunLedger.Finished(dir));
    // the same folder name holding other images: trained again, not reused
    assertThat(ledger.find(onFolder, () -> Map.of("train", "cc", "test", "bb")))
        .isInstanceOf(RunLedger.Missing.class);
  }

  @Test
  void findsTheNewestFinishedRunWithTheSameSpec() throws Exception {
    run("linear-mnist-100-1", spec, "finished", true, true);
    Path newer = run("linear-mnist-100-10", spec, "finished", true, true);
    run("linear-mnist-100-11", spec.withLabelSeed(3L), "finished", true, true);
    assertThat(new RunLedger(root).find(spec)).isEqualTo(new RunLedger.Finished(newer));
  }

  @Test
  void anInterruptedRunWithALastCheckpointIsResumedAndOneWithoutIsIgnored() throws Exception {
    Path resumable = run("linear-mnist-100-1", spec, "running", false, true);
    run("linear-mnist-100-2", spec, "running", false, false);
    assertThat(new RunLedger(root).find(spec)).isEqualTo(new RunLedger.Interrupted(resumable));
  }

  @Test
  void nothingMatchesAnotherSpecOrAnEmptyRoot() throws Exception {
    assertThat(new RunLedger(root.resolve("none")).find(spec))
        .isInstanceOf(RunLedger.Missing.class);
    run("linear-mnist-100-1", spec.withEpochs(21), "finished", true, true);
    Files.createDirectories(root.resolve("not-a-run"));
    Files.writeString(
        Files.createDirectories(root.resolve("broken")).resolve("manifest.json"), "{not json");
    assertThat(new RunLedger(root).find(spec)).isInstanceOf(RunLedger.Missing.class);
  }

  @Test
  void theThreadCountIsNotPartOfTheKeyButTheCodeIs() throws Exception {
    Path other = run("linear-mnist-100-1", spec.withThreads(7), "finished", true, true);
    assertThat(new RunLedger(root).find(spec)).isEqualTo(new RunLedger.Finished(other));
    Map<String, String> otherCode = new java.util.HashMap<>(Manifest.currentVersions());
    otherCode.put(Manifest.CODE_KEY, "0123456789abcdef");
    run("linear-mnist-100-2", spec, "finished", true, true, otherCode);
    run("linear-mnist-100-3", spec, "finished", true, true, Map.of("tfjlab", "0.1.0-SNAPSHOT"));
    assertThat(new RunLedger(root).find(spec)).isEqualTo(new RunLedger.Finished(other));
    Files.delete(other.resolve("manifest.json"));
    assertThat(new RunLedger(root).find(spec)).isInstanceOf(RunLedger.Missing.class);
  }

  @Test
  void aLayerListRunIsFoundByItsWholeListAndNotByAnotherOne() throws Exception {
    String list =
        "{\"type\": \"layers\", \"layers\": [{\"type\": \"flatten\"}, {\"type\": \"dropout\", "
            + "\"rate\": 0.25}, {\"type\": \"dense\", \"units\": 10}]}";
    RunSpec layers = RunSpec.of(Json.MAPPER.readValue(list, ModelSpec.class)).withThreads(2);
    RunSpec other =
        RunSpec.of(Json.MAPPER.readValue(list.replace("0.25", "0.5"), ModelSpec.class))
            .withThreads(2);
    Path found = run("layers-mnist-all-1", layers, "finished", true, true);
    assertThat(new RunLedger(root).find(layers)).isEqualTo(new RunLedger.Finished(found));
    assertThat(new RunLedger(root).find(other)).isInstanceOf(RunLedger.Missing.class);
  }
}
