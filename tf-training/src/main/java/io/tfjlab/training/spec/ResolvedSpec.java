package io.tfjlab.training.spec;

import io.tfjlab.training.RunSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run spec as resolved from its layers, and where its values came from.
 *
 * @param spec the resolved, validated spec
 * @param provenance for each value that did not come from the built-in defaults (dotted path, e.g.
 *     {@code optimizer.beta1}), the layer that set it, e.g. {@code family sgan}, {@code preset
 *     paper}, {@code spec file run.json}, {@code command line}
 * @param layers the names of the layers, lowest first
 */
public record ResolvedSpec(RunSpec spec, Map<String, String> provenance, List<String> layers) {
  public ResolvedSpec {
    provenance = new TreeMap<>(provenance);
    layers = List.copyOf(layers);
  }

  /** A spec built in code, with no layers recorded. */
  public static ResolvedSpec of(RunSpec spec) {
    return new ResolvedSpec(spec, Map.of(), List.of());
  }

  /**
   * The same resolution with another spec (e.g. one label seed of a sweep), its provenance kept.
   */
  public ResolvedSpec with(RunSpec other, String path, String layer) {
    Map<String, String> p = new TreeMap<>(provenance);
    p.put(path, layer);
    return new ResolvedSpec(other, p, layers);
  }
}
