package io.tfjlab.training.steps;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * A developer's view of where a training step spends its time: with {@code -Dtfjlab.profileStep=N}
 * the steps trace the session runs of step N ({@link StepTrace}) (TensorFlow's full trace) and
 * prints the ops that took longest, summed by op type, with how many nodes of each ran, on standard
 * error ({@code -Dtfjlab.profileTypes=K}: the K longest types, default 15).
 */
final class StepProfile {
  private static final long STEP = Long.getLong("tfjlab.profileStep", -1L);

  private StepProfile() {}

  static boolean wanted(long step) {
    return step == STEP;
  }

  /** Prints the op-time summary of a traced call under {@code label}. */
  static void print(RunMetadata m, String label, double wallMs) {
    Map<String, Long> byType = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    long total = 0;
    int nodes = 0;
    for (var dev : m.getStepStats().getDevStatsList()) {
      for (NodeExecStats n : dev.getNodeStatsList()) {
        String t = n.getTimelineLabel();
        int eq = t.indexOf(" = ");
        int par = t.indexOf('(', Math.max(eq, 0));
        String type = eq >= 0 && par > eq ? t.substring(eq + 3, par) : n.getNodeName();
        long us = n.getOpEndRelMicros() - n.getOpStartRelMicros();
        byType.merge(type, us, Long::sum);
        counts.merge(type, 1, Integer::sum);
        total += us;
        nodes++;
      }
    }
    final long sum = total;
    System.err.printf(
        "profile %s: wall %.1f ms, op time %.1f ms, %d nodes run%n",
        label, wallMs, sum / 1e3, nodes);
    byType.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(Integer.getInteger("tfjlab.profileTypes", 15))
        .forEach(
            e ->
                System.err.printf(
                    "  %-32s %8.2f ms %5.1f%% %4d×%n",
                    e.getKey(),
                    e.getValue() / 1e3,
                    100.0 * e.getValue() / Math.max(1, sum),
                    counts.get(e.getKey())));
  }
}
