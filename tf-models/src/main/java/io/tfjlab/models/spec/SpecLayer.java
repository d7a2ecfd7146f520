package io.tfjlab.models.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One layer of settings in the resolution of a spec: a named JSON object laid over the layers below
 * it ({@link SpecMerge}).
 *
 * @param name where the values come from, e.g. {@code defaults}, {@code family sgan}, {@code preset
 *     paper}, {@code spec file run.json}, {@code command line}
 * @param values the settings, shaped like a run spec (top-level {@code model}, {@code epochs}, ...)
 */
public record SpecLayer(String name, ObjectNode values) {
  public SpecLayer {
    values = values.deepCopy();
  }
}
