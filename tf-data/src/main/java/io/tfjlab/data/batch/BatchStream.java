package io.tfjlab.data.batch;

import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.augment.ImageAugmenter;
import io.tfjlab.data.split.DataSplitter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Epochs of batches over some images of an {@link ImageSet}: a seeded order per epoch, pixels
 * scaled to [0,1], optional augmentation and standardisation, one-hot labels. The tensors are
 * allocated once per batch size and refilled for every batch (faster than a new tensor each step);
 * closing the stream frees them.
 */
public final class BatchStream implements BatchSource {
  private static final long EPOCH_MIX = 0x9E3779B97F4A7C15L;

  private final ImageSet set;
  private final int[] indices;
  private final BatchOptions options;
  private final ImageShape shape;
  private final ImageAugmenter augmenter;
  private final float[] imageBuffer;
  private final float[] scratch;
  private final float[] labelBuffer;
  private final Map<Integer, TFloat32[]> tensors = new HashMap<>();

  public BatchStream(ImageSet set, int[] indices, BatchOptions options) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("a batch stream needs at least one image");
    }
    this.set = set;
    this.indices = indices.clone();
    this.options = options;
    this.shape = set.shape();
    this.augmenter = options.augment().filter(a -> !a.isIdentity())
        .map(a -> new ImageAugmenter(a, shape)).orElse(null);
    int b = Math.min(options.batchSize(), indices.length);
    this.imageBuffer = new float[b * shape.size()];
    this.scratch = new float[shape.size()];
    this.labelBuffer = new float[b * set.numClasses()];
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int batchesPerEpoch() {
    int b = options.batchSize();
    return options.dropRemainder() ? Math.max(1, indices.length / b) : (indices.length + b - 1) / b;
  }

  /** The image order of {@code epoch} (a pure function of the seed and the epoch). */
  public int[] order(int epoch) {
    int[] order = indices.clone();
    if (options.shuffle()) {
      DataSplitter.shuffle(order, new SplittableRandom(options.seed() ^ (epoch + 1) * EPOCH_MIX));
    }
    return order;
  }

  /** The batches of one epoch; each batch's tensors are valid until the next batch is taken. */
  @Override
  public Iterable<Batch> epoch(int epoch) {
    int[] order = order(epoch);
    int count = batchesPerEpoch();
    int b = options.batchSize();
    return () -> {
      // one augmentation stream per pass, so iterating an epoch twice gives the same batches
      SplittableRandom augRng = new SplittableRandom(options.seed() * 31 + epoch * EPOCH_MIX + 7);
      return BatchSlices.iterator(order, b, count, (idx, number) -> fill(idx, number, augRng));
    };
  }

  private Batch fill(int[] batchIdx, int number, SplittableRandom augRng) {
    int n = batchIdx.length;
    int px = shape.size();
    int k = set.numClasses();
    Arrays.fill(labelBuffer, 0, n * k, 0f);
    for (int r = 0; r < n; r++) {
      int i = batchIdx[r];
      if (augmenter != null) {
        set.copyScaled(i, scratch, 0);
        augmenter.apply(scratch, 0, imageBuffer, r * px, augRng);
      } else {
        set.copyScaled(i, imageBuffer, r * px);
      }
      if (options.standardization().isPresent()) {
        options.standardization().get().standardize(imageBuffer, r * px, 1e-7f);
      }
      labelBuffer[r * k + set.label(i)] = 1f;
    }
    TFloat32[] t = tensors.computeIfAbsent(n, size -> new TFloat32[] {
        TFloat32.tensorOf(Shape.of(size, shape.height(), shape.width(), shape.channels())),
        TFloat32.tensorOf(Shape.of(size, k))});
    t[0].copyFrom(DataBuffers.of(imageBuffer, true, false).narrow((long) n * px));
    t[1].copyFrom(DataBuffers.of(labelBuffer, true, false).narrow((long) n * k));
    return new Batch(t[0], t[1], batchIdx, number);
  }

  @Override
  public void close() {
    for (TFloat32[] pair : tensors.values()) {
      for (TFloat32 t : pair) {
        t.close();
      }
    }
    tensors.clear();
  }
}
