package io.tfjlab.eval.studies;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.models.zoo.AutoencoderModel;
import io.tfjlab.models.zoo.Task;
import io.tfjlab.training.run.RestoredRun;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * Runs a restored autoencoder over the test set: per-image errors, and images, reconstructions and
 * codes of the first few.
 */
public final class AutoencoderProbe {
  private AutoencoderProbe() {}

  /**
   * @param keep how many of the first test images to keep with their reconstructions and codes
   */
  public static AutoencoderOutputs run(RestoredRun r, int keep) {
    if (r.model().task() != Task.RECONSTRUCT) {
      throw new IllegalArgumentException(
          r.run().name()
              + " is a "
              + r.model().name()
              + " run, not an autoencoder; the study needs --model autoencoder runs");
    }
    List<Double> errors = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<float[]> originals = new ArrayList<>();
    List<float[]> recons = new ArrayList<>();
    List<float[]> codes = new ArrayList<>();
    for (Batch b : r.data().test().epoch(0)) {
      try (Result res =
          r.session()
              .runner()
              .feed(r.model().input(), b.images())
              .fetch(r.model().output())
              .fetch(AutoencoderModel.CODE)
              .run()) {
        TFloat32 recon = (TFloat32) res.get(0);
        TFloat32 code = (TFloat32) res.get(1);
        int pixels = (int) (recon.shape().size() / recon.shape().size(0));
        int codeSize = (int) code.shape().size(1);
        float[] x = flat(b.images(), b.size(), pixels);
        float[] y = flat(recon, b.size(), pixels);
        float[] c = flat(code, b.size(), codeSize);
        for (int i = 0; i < b.size(); i++) {
          double e = 0;
          for (int p = 0; p < pixels; p++) {
            double d = y[i * pixels + p] - x[i * pixels + p];
            e += d * d;
          }
          errors.add(e);
          if (labels.size() < keep) {
            labels.add(argmax(b.labels(), i));
            originals.add(java.util.Arrays.copyOfRange(x, i * pixels, (i + 1) * pixels));
            recons.add(java.util.Arrays.copyOfRange(y, i * pixels, (i + 1) * pixels));
            codes.add(java.util.Arrays.copyOfRange(c, i * codeSize, (i + 1) * codeSize));
          }
        }
      }
    }
    return new AutoencoderOutputs(
        errors.stream().mapToDouble(Double::doubleValue).toArray(),
        labels.stream().mapToInt(Integer::intValue).toArray(),
        originals.toArray(float[][]::new),
        recons.toArray(float[][]::new),
        codes.toArray(float[][]::new));
  }

  /** The first {@code rows} rows of a tensor as one flat array of {@code rows × width} values. */
  private static float[] flat(TFloat32 t, int rows, int width) {
    float[] out = new float[rows * width];
    org.tensorflow.ndarray.buffer.FloatDataBuffer all = t.asRawTensor().data().asFloats();
    all.read(out, 0, out.length);
    return out;
  }

  private static int argmax(TFloat32 oneHot, int row) {
    long k = oneHot.shape().size(1);
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (oneHot.getFloat(row, j) > oneHot.getFloat(row, best)) {
        best = j;
      }
    }
    return best;
  }
}
