package io.tfjlab.api;

import io.tfjlab.data.ImageShape;
import io.tfjlab.eval.SavedModelPredictor;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * An exported SavedModel loaded as any TensorFlow program would (tag {@code serve}, signature
 * {@code serving_default}), knowing nothing of the run it came from: tf-eval's {@link
 * SavedModelPredictor} behind a predict method. Close it to free the model's session.
 */
public final class ExportedModel implements AutoCloseable {
  static {
    NativeLogging.quiet(); // before TensorFlow's native library logs anything
  }

  private static final int BATCH = 1000;
  private final SavedModelPredictor predictor;
  private final List<String> classNames;
  private final ImageShape shape;

  private ExportedModel(SavedModelPredictor predictor, List<String> classNames) {
    this.predictor = predictor;
    this.classNames = List.copyOf(classNames);
    Shape s = predictor.inputShape();
    if (s.numDimensions() != 4) {
      predictor.close();
      throw new IllegalArgumentException(
          "the SavedModel reads inputs of shape " + s + ", not images [-1, H, W, C]");
    }
    this.shape = new ImageShape((int) s.get(1), (int) s.get(2), (int) s.get(3));
  }

  /**
   * Loads a SavedModel folder (e.g. what {@link TrainedRun#export(Path)} wrote); classes are named
   * 0, 1, ...
   */
  public static ExportedModel load(Path dir) {
    return load(dir, List.of());
  }

  /** The same, naming the classes (e.g. {@code run.classNames()}). */
  public static ExportedModel load(Path dir, List<String> classNames) {
    return new ExportedModel(new SavedModelPredictor(dir), classNames);
  }

  /** The image shape the model reads (its {@code images} input without the batch dimension). */
  public ImageShape imageShape() {
    return shape;
  }

  /** The served {@code probabilities} and {@code classes} (serving_default), in batches of 1000. */
  public Predictions predict(Images images) {
    if (!images.shape().equals(shape)) {
      throw new IllegalArgumentException(
          "the images are "
              + images.shape()
              + " but the SavedModel reads "
              + shape
              + "; use Images.load(model.imageShape(), files) or images.resizedTo(model.imageShape())");
    }
    float[][] out = new float[images.size()][];
    int[] classes = new int[images.size()];
    for (int from = 0; from < images.size(); from += BATCH) {
      int to = Math.min(images.size(), from + BATCH);
      SavedModelPredictor.Scores s =
          predictor.predict(
              images.slice(from, to),
              Shape.of(to - from, shape.height(), shape.width(), shape.channels()));
      System.arraycopy(s.probabilities(), 0, out, from, to - from);
      for (int i = from; i < to; i++) {
        classes[i] = (int) s.classes()[i - from];
      }
    }
    return Predictions.fromOutput(classNames, out, classes);
  }

  @Override
  public void close() {
    predictor.close();
  }
}
