package io.tfjlab.eval;

import io.tfjlab.data.ImageSet;
import io.tfjlab.training.run.SavedModelExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Loads an exported SavedModel as any TensorFlow user would (tag serve, signature serving_default)
 * and predicts classes for images; knows nothing of how it was trained.
 */
public final class SavedModelPredictor implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction serving;

  public SavedModelPredictor(Path dir) {
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException(
          dir
              + " is not a SavedModel (no saved_model.pb); create one with "
              + "./tfjlab export --run RUN");
    }
    SavedModelBundle loaded;
    try {
      loaded = SavedModelBundle.load(dir.toString(), "serve");
    } catch (RuntimeException e) { // TensorFlow's own error: a truncated or foreign file
      throw new IllegalArgumentException(
          dir
              + " is not a loadable SavedModel ("
              + firstLine(e.getMessage())
              + "); export it again with ./tfjlab export --run RUN",
          e);
    }
    this.bundle = loaded;
    try {
      this.serving = bundle.function("serving_default");
    } catch (RuntimeException e) {
      bundle.close();
      throw new IllegalArgumentException(
          dir + " has no serving_default signature; export it with ./tfjlab export --run RUN", e);
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
  }

  /**
   * Refuses, in one line, images whose height, width or channels differ from what the model takes
   * (a model exported for 28x28 grey images fed 32x32 colour ones, or 2-feature toy points).
   */
  public void requireFits(io.tfjlab.data.ImageShape images) {
    Shape in = inputShape();
    long[] want = {images.height(), images.width(), images.channels()};
    boolean fits = in.numDimensions() == 4;
    for (int i = 0; fits && i < 3; i++) {
      fits = in.get(i + 1) == -1 || in.get(i + 1) == want[i];
    }
    if (!fits) {
      throw new IllegalArgumentException(
          "the SavedModel takes images of shape "
              + in
              + " but the data set's are "
              + images.height()
              + "x"
              + images.width()
              + "x"
              + images.channels()
              + " (height x width x channels); predict on a data set of the shape it was trained"
              + " on");
    }
  }

  /** Predicted class of every image, in order. */
  public long[] predictClasses(ImageSet images, int batchSize) {
    requireFits(images.shape());
    int n = images.size();
    int px = images.shape().size();
    long[] out = new long[n];
    float[] buf = new float[Math.min(batchSize, n) * px];
    for (int from = 0; from < n; from += batchSize) {
      int b = Math.min(batchSize, n - from);
      for (int r = 0; r < b; r++) {
        images.copyScaled(from + r, buf, r * px);
      }
      Shape shape =
          Shape.of(b, images.shape().height(), images.shape().width(), images.shape().channels());
      try (TFloat32 x =
              TFloat32.tensorOf(shape, DataBuffers.of(buf, true, false).narrow((long) b * px));
          Result res = serving.call(Map.<String, Tensor>of(SavedModelExport.INPUT, x))) {
        TInt64 classes = (TInt64) classifierOutput(res, SavedModelExport.CLASSES);
        for (int r = 0; r < b; r++) {
          out[from + r] = classes.getLong(r);
        }
      }
    }
    return out;
  }

  /** Output {@code name} of a serving_default call, which only a classifier's SavedModel has. */
  private static Tensor classifierOutput(Result res, String name) {
    return res.get(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the SavedModel's serving_default has no '"
                        + name
                        + "' output (not a classifier)"));
  }

  /** The shape of serving_default's {@code images} input, e.g. [-1, 28, 28, 1]. */
  public Shape inputShape() {
    Signature.TensorDescription d = serving.signature().getInputs().get(SavedModelExport.INPUT);
    if (d == null) {
      throw new IllegalArgumentException(
          "the SavedModel's serving_default has no '"
              + SavedModelExport.INPUT
              + "' input (not exported by tfjlab)");
    }
    return d.shape;
  }

  /**
   * The {@code probabilities} and {@code classes} outputs of serving_default for one batch of
   * images already scaled to [0,1]: {@code pixels} holds {@code shape.get(0)} images of the rest of
   * {@code shape}, NHWC order, fed in one call.
   */
  public Scores predict(float[] pixels, Shape shape) {
    if (shape.size() != pixels.length) {
      throw new IllegalArgumentException(
          pixels.length + " pixel values for a batch of shape " + shape);
    }
    int n = (int) shape.get(0);
    try (TFloat32 x = TFloat32.tensorOf(shape, DataBuffers.of(pixels, true, false));
        Result res = serving.call(Map.<String, Tensor>of(SavedModelExport.INPUT, x))) {
      TFloat32 p = (TFloat32) classifierOutput(res, SavedModelExport.PROBABILITIES);
      TInt64 c = (TInt64) res.get(SavedModelExport.CLASSES).orElseThrow();
      int k = (int) p.shape().size(1);
      float[][] probabilities = new float[n][k];
      long[] classes = new long[n];
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < k; j++) {
          probabilities[r][j] = p.getFloat(r, j);
        }
        classes[r] = c.getLong(r);
      }
      return new Scores(probabilities, classes);
    }
  }

  /** Per image: the served probabilities ([n, K], or [n, 1] for a binary model) and the class. */
  public record Scores(float[][] probabilities, long[] classes) {}

  @Override
  public void close() {
    bundle.close();
  }
}
