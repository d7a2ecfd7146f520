package io.tfjlab.models.runtime;

/** A command (the {@code tfjlab} root) that knows the {@code --device} its subcommands run on. */
public interface DeviceSelection {
  Device device();

  /**
   * The placement of the root command of {@code rootUserObject}, or the CPU when it selects none.
   */
  static Placement placementOf(Object rootUserObject) {
    return rootUserObject instanceof DeviceSelection d ? new Placement(d.device()) : Placement.CPU;
  }
}
