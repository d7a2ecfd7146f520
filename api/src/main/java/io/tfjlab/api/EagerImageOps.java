package io.tfjlab.api;

import io.tfjlab.data.ImageShape;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;

/**
 * The only place the project uses TensorFlow's eager mode ({@link EagerSession}): bringing images
 * of any size and colour to a model's input, one image at a time, with TensorFlow's own image ops.
 *
 * <p>Why eager here: preprocessing is a few ops on one image whose size is known only once it is
 * decoded; eager runs each op at once, with no graph to build, no placeholders to feed and no
 * session to keep per image size. Nothing here needs gradients (eager mode has none; training stays
 * in graph mode). The ops, in order: {@code ResizeArea} when the image shrinks in both directions
 * (box averaging, no aliasing) or {@code ResizeBilinear} with half-pixel centres otherwise (what
 * {@code tf.image.resize} does in TensorFlow 2); grey conversion with the weights of {@code
 * tf.image.rgb_to_grayscale} (0.2989, 0.5870, 0.1140), or grey copied into three channels; scaling
 * to [0, 1] and clipping. The output tensors belong to the eager session, which is closed (freeing
 * them) once their values are copied out; the inputs are constants made from Java arrays, so no
 * tensor is left open.
 */
final class EagerImageOps {
  /** {@code tf.image.rgb_to_grayscale}'s weights (ITU-R BT.601 luma). */
  static final float[] GREY_WEIGHTS = {0.2989f, 0.5870f, 0.1140f};

  private EagerImageOps() {}

  /**
   * One decoded image: {@code values} row-major HWC, {@code channels} 1 or 3, values in [0, {@code
   * max}].
   */
  record Raw(float[] values, int height, int width, int channels, float max) {
    Raw {
      if (channels != 1 && channels != 3) {
        throw new IllegalArgumentException("images must have 1 or 3 channels, got " + channels);
      }
      if (values.length != height * width * channels) {
        throw new IllegalArgumentException(
            values.length + " values for a " + height + "x" + width + "x" + channels + " image");
      }
    }
  }

  /**
   * Each image resized to {@code target}, converted to its channels and scaled to [0,1]; NHWC,
   * concatenated.
   */
  static float[] conform(java.util.List<Raw> images, ImageShape target) {
    if (target.channels() != 1 && target.channels() != 3) {
      throw new IllegalArgumentException(
          "a model input must have 1 or 3 channels to load images into, got " + target);
    }
    int px = target.size();
    float[] out = new float[images.size() * px];
    try (EagerSession session = EagerSession.create()) {
      Ops tf = Ops.create(session);
      for (int i = 0; i < images.size(); i++) {
        Operand<TFloat32> x = conformOne(tf, images.get(i), target);
        TFloat32 t = x.asTensor(); // owned by the session: read it, do not close it
        float[] values = new float[px];
        t.copyTo(DataBuffers.of(values, false, false));
        System.arraycopy(values, 0, out, i * px, px);
      }
    }
    return out;
  }

  private static Operand<TFloat32> conformOne(Ops tf, Raw r, ImageShape target) {
    Operand<TFloat32> x =
        tf.constant(
            Shape.of(1, r.height(), r.width(), r.channels()),
            DataBuffers.of(r.values(), true, false));
    if (r.height() != target.height() || r.width() != target.width()) {
      Operand<org.tensorflow.types.TInt32> size =
          tf.constant(new int[] {target.height(), target.width()});
      boolean shrinks = target.height() <= r.height() && target.width() <= r.width();
      x =
          shrinks
              ? tf.image.resizeArea(x, size)
              : tf.image.resizeBilinear(x, size, ResizeBilinear.halfPixelCenters(true));
    }
    if (r.channels() == 3 && target.channels() == 1) {
      x =
          tf.reduceSum(
              tf.math.mul(x, tf.constant(GREY_WEIGHTS)), tf.constant(-1), ReduceSum.keepDims(true));
    } else if (r.channels() == 1 && target.channels() == 3) {
      x = tf.concat(java.util.List.of(x, x, x), tf.constant(-1));
    }
    x = tf.math.mul(x, tf.constant(1f / r.max()));
    return tf.clipByValue(x, tf.constant(0f), tf.constant(1f));
  }
}
