package io.tfjlab.data.batch;

import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.augment.ImageAugmenter;
import io.tfjlab.data.split.DataSplitter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Epochs of batches over some images of an {@link ImageSet}: a seeded order per epoch, pixels
 * scaled to [0,1], optional augmentation and standardisation, one-hot labels. The tensors are
 * allocated once per batch size and refilled for every batch (faster than a new tensor each step);
 * closing the stream frees them. While the caller uses batch k, a background thread already fills
 * batch k+1 into a second set of buffers (the batches and their order do not change).
 */
public final class BatchStream implements BatchSource {
  private static final long EPOCH_MIX = 0x9E3779B97F4A7C15L;

  private final ImageSet set;
  private final int[] indices;
  private final BatchOptions options;
  private final ImageShape shape;
  private final ImageAugmenter augmenter;

  /** Two buffer slots, used alternately: batch k lives in slot k % 2. */
  private final Slot[] slots = new Slot[2];

  private ExecutorService filler;

  /** A batch's Java buffers and its tensors (one pair per batch size). */
  private static final class Slot {
    final float[] images;
    final float[] scratch;
    final float[] labels;
    final Map<Integer, TFloat32[]> tensors = new HashMap<>();

    Slot(int batch, int pixels, int classes) {
      images = new float[batch * pixels];
      scratch = new float[pixels];
      labels = new float[batch * classes];
    }
  }

  public BatchStream(ImageSet set, int[] indices, BatchOptions options) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("a batch stream needs at least one image");
    }
    this.set = set;
    this.indices = indices.clone();
    this.options = options;
    this.shape = set.shape();
    this.augmenter =
        options
            .augment()
            .filter(a -> !a.isIdentity())
            .map(a -> new ImageAugmenter(a, shape))
            .orElse(null);
    int b = Math.min(options.batchSize(), indices.length);
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot(b, shape.size(), set.numClasses());
    }
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
      return new Prefetching(order, b, count, augRng);
    };
  }

  /** Hands out batch k and, meanwhile, fills batch k+1 on the stream's filler thread. */
  private final class Prefetching implements Iterator<Batch> {
    private final int[] order;
    private final int batchSize;
    private final int count;
    private final SplittableRandom augRng;
    private int next;
    private Future<Batch> pending;

    Prefetching(int[] order, int batchSize, int count, SplittableRandom augRng) {
      this.order = order;
      this.batchSize = batchSize;
      this.count = count;
      this.augRng = augRng;
      this.pending = count > 0 ? submit(0) : null;
    }

    private Future<Batch> submit(int number) {
      int[] idx = BatchSlices.slice(order, batchSize, number);
      // one thread fills batches in order, so the augmentation stream is the same as without
      // prefetching
      return filler().submit(() -> fill(idx, number, augRng));
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public Batch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Batch b = await(pending);
      next++;
      pending = next < count ? submit(next) : null;
      return b;
    }
  }

  private synchronized ExecutorService filler() {
    if (filler == null) {
      filler =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "tfjlab-batch-filler");
                t.setDaemon(true);
                return t;
              });
    }
    return filler;
  }

  private static Batch await(Future<Batch> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a batch was being filled", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("filling a batch failed: " + e.getCause(), e.getCause());
    }
  }

  private Batch fill(int[] batchIdx, int number, SplittableRandom augRng) {
    Slot slot = slots[number % 2];
    float[] imageBuffer = slot.images;
    float[] scratch = slot.scratch;
    float[] labelBuffer = slot.labels;
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
    TFloat32[] t =
        slot.tensors.computeIfAbsent(
            n,
            size ->
                new TFloat32[] {
                  TFloat32.tensorOf(
                      Shape.of(size, shape.height(), shape.width(), shape.channels())),
                  TFloat32.tensorOf(Shape.of(size, k))
                });
    t[0].copyFrom(DataBuffers.of(imageBuffer, true, false).narrow((long) n * px));
    t[1].copyFrom(DataBuffers.of(labelBuffer, true, false).narrow((long) n * k));
    return new Batch(t[0], t[1], batchIdx, number);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (filler != null) {
        filler.shutdownNow();
        try {
          // a fill in flight must not write into a freed tensor
          if (!filler.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the batch filler thread did not stop");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        filler = null;
      }
    }
    for (Slot slot : slots) {
      for (TFloat32[] pair : slot.tensors.values()) {
        for (TFloat32 t : pair) {
          t.close();
        }
      }
      slot.tensors.clear();
    }
  }
}
