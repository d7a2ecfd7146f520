package io.tfjlab.eval;

import io.tfjlab.data.ImageSet;
import io.tfjlab.training.run.SavedModelExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Loads an exported SavedModel as any TensorFlow user would (tag serve, signature
 * serving_default) and predicts classes for images; knows nothing of how it was trained.
 */
public final class SavedModelPredictor implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction serving;

  public SavedModelPredictor(Path dir) {
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException(dir + " is not a SavedModel (no saved_model.pb); create one with "
          + "./tfjlab export --run RUN");
    }
    this.bundle = SavedModelBundle.load(dir.toString(), "serve");
    this.serving = bundle.function("serving_default");
  }

  /** Predicted class of every image, in order. */
  public long[] predictClasses(ImageSet images, int batchSize) {
    int n = images.size();
    int px = images.shape().size();
    long[] out = new long[n];
    float[] buf = new float[Math.min(batchSize, n) * px];
    for (int from = 0; from < n; from += batchSize) {
      int b = Math.min(batchSize, n - from);
      for (int r = 0; r < b; r++) {
        images.copyScaled(from + r, buf, r * px);
      }
      Shape shape = Shape.of(b, images.shape().height(), images.shape().width(), images.shape().channels());
      try (TFloat32 x = TFloat32.tensorOf(shape, DataBuffers.of(buf, true, false).narrow((long) b * px));
          Result res = serving.call(Map.<String, Tensor>of(SavedModelExport.INPUT, x))) {
        TInt64 classes = (TInt64) res.get(SavedModelExport.CLASSES).orElseThrow(() -> new IllegalArgumentException(
            "the SavedModel's serving_default has no '" + SavedModelExport.CLASSES + "' output (not a classifier)"));
        for (int r = 0; r < b; r++) {
          out[from + r] = classes.getLong(r);
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    bundle.close();
  }
}
