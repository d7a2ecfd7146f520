package io.tfjlab.models.runtime;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Proves a device usable before any work is scheduled on it: runs one tiny op pinned to it without
 * soft placement, and turns TensorFlow's failure into a one-line explanation.
 */
public final class DeviceCheck {
  private DeviceCheck() {}

  /**
   * Throws {@link IllegalStateException} with a one-line reason if {@code device} cannot run ops.
   */
  public static void requireUsable(Device device) {
    if (device == Device.CPU) {
      return;
    }
    try (Graph g = new Graph()) {
      Ops tf =
          Ops.create(g)
              .withDevice(
                  DeviceSpec.newBuilder()
                      .deviceType(DeviceSpec.DeviceType.GPU)
                      .deviceIndex(0)
                      .build());
      var sum = tf.math.add(tf.constant(1f), tf.constant(2f));
      ConfigProto config = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
      try (Session s = new Session(g, config);
          Result r = s.runner().fetch(sum).run()) {
        ((TFloat32) r.get(0)).getFloat();
      }
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String reason =
          msg.contains("CUDA is not enabled")
              ? "this TensorFlow native build has no CUDA support"
              : msg.lines().findFirst().orElse("").strip();
      throw new IllegalStateException(
          "--device gpu: no usable GPU ("
              + reason
              + "). "
              + "Build with 'mvn -Pgpu' for the linux-x86_64-gpu TensorFlow, install CUDA 12.5 + cuDNN 9.3, "
              + "or run with --device cpu.");
    }
  }
}
