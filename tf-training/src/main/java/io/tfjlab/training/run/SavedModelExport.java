package io.tfjlab.training.run;

import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Writes a restored run as a SavedModel (tag {@code serve}) with a {@code serving_default}
 * signature: input {@code images} (float32, [-1, H, W, C], pixels in [0,1]; any preprocessing is
 * inside the graph), outputs {@code probabilities} and {@code classes} (classifiers) or {@code
 * reconstruction} / {@code prediction}. Written to a temporary folder and renamed into place, so a
 * failed export never replaces a good one.
 */
public final class SavedModelExport {
  public static final String INPUT = "images";
  public static final String PROBABILITIES = "probabilities";
  public static final String CLASSES = "classes";
  public static final String NOISE = "noise";
  public static final String GENERATE = "generate";

  private SavedModelExport() {}

  public static Path export(RestoredRun restored, Path target) {
    return export(restored.model(), restored.session(), target);
  }

  /**
   * Writes {@code m}, with the variable values of {@code session} (a session of the model's graph),
   * as a SavedModel at {@code target}: the signatures of {@link #export(RestoredRun, Path)}. Adds
   * the {@code classes} op to the model's graph.
   */
  public static Path export(BuiltModel m, Session session, Path target) {
    Ops tf = m.context().tf();
    Signature.Builder sig =
        Signature.builder()
            .key(Signature.DEFAULT_KEY)
            .methodName("tensorflow/serving/predict")
            .input(INPUT, m.input());
    java.util.List<Signature> extra = new java.util.ArrayList<>();
    m.generator()
        .ifPresent(
            g -> {
              Signature generate =
                  Signature.builder()
                      .key(GENERATE)
                      .methodName("tensorflow/serving/predict")
                      .input(NOISE, g.noise())
                      .output(INPUT, g.images())
                      .build();
              extra.add(generate);
            });
    switch (m.task()) {
      case CLASSIFY -> {
        Operand<TInt64> classes = tf.withName("classes").math.argMax(m.output(), tf.constant(1));
        sig.output(PROBABILITIES, m.output()).output(CLASSES, classes);
      }
      case BINARY -> {
        Operand<TFloat32> p = m.output();
        Operand<TInt64> classes =
            tf.withName("classes")
                .reshape(
                    tf.dtypes.cast(tf.math.greater(p, tf.constant(0.5f)), TInt64.class),
                    tf.constant(new long[] {-1}));
        sig.output(PROBABILITIES, p).output(CLASSES, classes);
      }
      case RECONSTRUCT -> sig.output("reconstruction", m.output());
      case REGRESS -> sig.output("prediction", m.output());
      case GENERATE -> {
        // a GAN on its own: serving_default generates; the discriminator's view is a second
        // signature
        BuiltModel.Generator g = m.generator().orElseThrow();
        sig =
            Signature.builder()
                .key(Signature.DEFAULT_KEY)
                .methodName("tensorflow/serving/predict")
                .input(NOISE, g.noise())
                .output(INPUT, g.images());
        extra.clear();
        extra.add(
            Signature.builder()
                .key("discriminate")
                .methodName("tensorflow/serving/predict")
                .input(INPUT, m.input())
                .output("real_probability", m.output())
                .build());
      }
      default -> throw new IllegalStateException(m.task().toString());
    }
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + System.nanoTime());
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      SavedModelBundle.Exporter exporter =
          SavedModelBundle.exporter(tmp.toString()).withSession(session).withSignature(sig.build());
      for (Signature s : extra) {
        exporter = exporter.withSignature(s);
      }
      try {
        exporter.export();
      } catch (RuntimeException e) { // TensorFlow's own error: a full disk, a read-only folder
        throw new IOException(Json.firstLine(e.getMessage()), e);
      }
      Path old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
      boolean hadOne = Files.exists(target);
      if (hadOne) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (hadOne) {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the good export back
        }
        throw e;
      }
      io.tfjlab.data.io.Folders.deleteQuietly(old);
      return target;
    } catch (IOException | RuntimeException e) {
      io.tfjlab.data.io.Folders.deleteQuietly(tmp);
      throw e instanceof IOException io
          ? new UncheckedIOException(
              "cannot export to "
                  + target
                  + " ("
                  + Json.firstLine(e.getMessage())
                  + "); nothing was written there"
                  + (Files.exists(target) ? ", the previous export is kept" : ""),
              io)
          : (RuntimeException) e;
    }
  }

  /** Whether a model's export has class outputs. */
  public static boolean classifies(Task t) {
    return t == Task.CLASSIFY || t == Task.BINARY;
  }
}
