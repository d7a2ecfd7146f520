package io.tfjlab.data.batch;

import org.tensorflow.types.TFloat32;

/**
 * One batch: images {@code [n, H, W, C]} in [0,1] (or standardised) and one-hot labels {@code [n,
 * K]}. The tensors belong to the {@link BatchStream} and are overwritten by the next batch of the
 * same size: feed them, do not keep or close them.
 *
 * @param images the image tensor
 * @param labels the one-hot label tensor
 * @param indices the data set indices of the images, in batch order
 * @param number the batch number within the epoch, from 0
 */
public record Batch(TFloat32 images, TFloat32 labels, int[] indices, int number) {
  public int size() {
    return indices.length;
  }
}
