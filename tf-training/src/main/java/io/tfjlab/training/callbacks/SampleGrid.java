package io.tfjlab.training.callbacks;

import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Generated images from a fixed noise batch, every N epochs of an adversarial phase: a PNG grid in
 * the run's {@code samples/} folder ({@code <phase>-epoch-NNN.png}) and the same images in
 * TensorBoard (tag {@code <phase>/samples}), like seed 000's figures of digits as training goes.
 * Its TensorBoard op must be added before the session starts (construct it first).
 */
public final class SampleGrid implements Callback {
  private final Operand<TFloat32> samples;
  private final Path folder;
  private final int every;
  private final Placeholder<TInt64> step;
  private final Op writeImages;

  public SampleGrid(Ops tf, Operand<TFloat32> samples, Path folder, int every, String logdir) {
    this.samples = samples;
    this.folder = folder;
    this.every = every;
    Ops init = tf.withInitScope();
    SummaryWriter writer =
        init.withName("samples_writer")
            .summary
            .summaryWriter(
                SummaryWriter.sharedName(
                    "tfjlab_samples_" + Integer.toHexString(logdir.hashCode())));
    init.summary.createSummaryFileWriter(
        writer,
        init.constant(logdir),
        init.constant(10),
        init.constant(1000),
        init.constant(".samples.v2"));
    Ops s = tf.withSubScope("samples");
    this.step = s.withName("step").placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    Operand<TUint8> bad = tf.dtypes.cast(tf.constant(new int[] {255}), TUint8.class);
    Op write =
        s.summary.writeImageSummary(
            writer,
            step,
            tf.constant("samples"),
            tf.slice(
                samples,
                tf.constant(new int[] {0, 0, 0, 0}),
                tf.constant(new int[] {16, -1, -1, -1})),
            bad,
            org.tensorflow.op.summary.WriteImageSummary.maxImages(16L));
    this.writeImages =
        s.withControlDependencies(java.util.List.of(write)).summary.flushSummaryWriter(writer);
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    if (ctx.phase().adversarial().isEmpty()
        || (logs.epoch() % every != 0 && logs.epoch() != logs.epochs())) {
      return;
    }
    Session session = ctx.session();
    try (Result r = session.runner().fetch(samples).run()) {
      TFloat32 images = (TFloat32) r.get(0);
      write(images, folder.resolve(RunLayout.sampleFile(logs.phase(), logs.epoch())));
    }
    try (TInt64 s = TInt64.scalarOf(logs.epoch())) {
      session.runner().feed(step, s).addTarget(writeImages).run().close();
    }
  }

  /** Writes a batch of [n, h, w, c] images in [0,1] as a square grid PNG, atomically. */
  public static void write(TFloat32 images, Path file) {
    Shape shape = images.shape();
    int n = (int) shape.get(0);
    int h = (int) shape.get(1);
    int w = (int) shape.get(2);
    int c = (int) shape.get(3);
    float[] v = new float[n * h * w * c];
    images.copyTo(DataBuffers.of(v, false, false));
    int cols = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    int pad = 2;
    BufferedImage img =
        new BufferedImage(
            cols * (w + pad) + pad, rows * (h + pad) + pad, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < n; i++) {
      int ox = pad + (i % cols) * (w + pad);
      int oy = pad + (i / cols) * (h + pad);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int base = ((i * h + y) * w + x) * c;
          int r = level(v[base]);
          int g = c == 3 ? level(v[base + 1]) : r;
          int b = c == 3 ? level(v[base + 2]) : r;
          img.setRGB(ox + x, oy + y, (r << 16) | (g << 8) | b);
        }
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      ImageIO.write(img, "png", tmp.toFile());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static int level(float x) {
    return Math.max(0, Math.min(255, Math.round(x * 255f)));
  }
}
