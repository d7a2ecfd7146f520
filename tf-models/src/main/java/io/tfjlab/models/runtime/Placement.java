package io.tfjlab.models.runtime;

import io.tfjlab.models.graph.ModelContext;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Where a process runs its graphs, as {@code --device} asks: {@code cpu} hides every GPU from the
 * sessions (a GPU build then runs on the CPU), {@code gpu} builds the graphs on the first GPU (ops
 * without a GPU kernel fall back to the CPU) after {@link DeviceCheck} proved one usable.
 */
public record Placement(Device device) {
  public static final Placement CPU = new Placement(Device.CPU);

  public Placement {
    if (device == null) {
      device = Device.CPU;
    }
  }

  /** A model context for a new graph, its ops placed on this device. */
  public ModelContext context(Graph graph, long runSeed) {
    return new ModelContext(
        graph,
        runSeed,
        device == Device.GPU
            ? java.util.Optional.of(
                DeviceSpec.newBuilder()
                    .deviceType(DeviceSpec.DeviceType.GPU)
                    .deviceIndex(0)
                    .build())
            : java.util.Optional.empty());
  }

  /**
   * Session settings: intra-op threads as asked, inter-op up to 2 (as the peer benchmark), and the
   * device.
   */
  public ConfigProto sessionConfig(int threads) {
    ConfigProto.Builder b =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(threads)
            .setInterOpParallelismThreads(Math.min(2, threads));
    if (device == Device.CPU) {
      b.putDeviceCount("GPU", 0);
    } else {
      b.setAllowSoftPlacement(true)
          .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true).build());
    }
    return b.build();
  }
}
