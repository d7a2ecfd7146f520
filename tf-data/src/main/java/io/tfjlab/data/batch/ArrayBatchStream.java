package io.tfjlab.data.batch;

import io.tfjlab.data.split.DataSplitter;
import io.tfjlab.data.toy.ToyData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Batches of a small tabular data set (the toy problems): features [n, xDim], targets [n, yDim].
 */
public final class ArrayBatchStream implements BatchSource {
  private final ToyData data;
  private final int[] indices;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final float[] xBuf;
  private final float[] yBuf;
  private final Map<Integer, TFloat32[]> tensors = new HashMap<>();

  public ArrayBatchStream(ToyData data, int[] indices, int batchSize, boolean shuffle, long seed) {
    if (indices.length == 0 || batchSize <= 0) {
      throw new IllegalArgumentException("need at least one row and a batch size > 0");
    }
    this.data = data;
    this.indices = indices.clone();
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    int b = Math.min(batchSize, indices.length);
    this.xBuf = new float[b * data.xDim()];
    this.yBuf = new float[b * data.yDim()];
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int batchesPerEpoch() {
    return (indices.length + batchSize - 1) / batchSize;
  }

  @Override
  public Iterable<Batch> epoch(int epoch) {
    int[] order = indices.clone();
    if (shuffle) {
      DataSplitter.shuffle(order, new SplittableRandom(seed ^ (epoch + 1) * 0x9E3779B97F4A7C15L));
    }
    int count = batchesPerEpoch();
    return () -> BatchSlices.iterator(order, batchSize, count, this::fill);
  }

  private Batch fill(int[] idx, int number) {
    int n = idx.length;
    int xd = data.xDim();
    int yd = data.yDim();
    for (int r = 0; r < n; r++) {
      System.arraycopy(data.x(), idx[r] * xd, xBuf, r * xd, xd);
      System.arraycopy(data.y(), idx[r] * yd, yBuf, r * yd, yd);
    }
    TFloat32[] t =
        tensors.computeIfAbsent(
            n,
            size ->
                new TFloat32[] {
                  TFloat32.tensorOf(Shape.of(size, xd)), TFloat32.tensorOf(Shape.of(size, yd))
                });
    t[0].copyFrom(DataBuffers.of(xBuf, true, false).narrow((long) n * xd));
    t[1].copyFrom(DataBuffers.of(yBuf, true, false).narrow((long) n * yd));
    return new Batch(t[0], t[1], idx, number);
  }

  @Override
  public void close() {
    tensors.values().forEach(pair -> Arrays.stream(pair).forEach(TFloat32::close));
    tensors.clear();
  }
}
