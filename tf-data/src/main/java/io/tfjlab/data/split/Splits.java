package io.tfjlab.data.split;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Indices into a data set's official training part.
 *
 * @param train images used for training (labeled or not), ascending, disjoint from validation
 * @param validation held-out images for model and epoch selection, ascending
 * @param labeled the images whose labels training may use, a subset of {@code train}, ascending
 *     (equal to {@code train} when all labels are used)
 */
public record Splits(int[] train, int[] validation, int[] labeled) {
  /**
   * SHA-256 over the labeled indices (as big-endian ints): names the labeled subset in a manifest.
   */
  public String labeledDigest() {
    return digest(labeled);
  }

  public String validationDigest() {
    return digest(validation);
  }

  public boolean allLabeled() {
    return labeled.length == train.length;
  }

  static String digest(int[] indices) {
    ByteBuffer buf = ByteBuffer.allocate(4 * indices.length);
    for (int i : indices) {
      buf.putInt(i);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
