package io.tfjlab.data.idx;

import java.util.Arrays;

/**
 * The decoded content of one IDX file of unsigned bytes.
 *
 * @param dims the dimension sizes from the header, e.g. {@code [60000, 28, 28]}
 * @param data the payload, {@code product(dims)} bytes
 */
public record IdxFile(int[] dims, byte[] data) {
  public int count() {
    return dims[0];
  }

  @Override
  public String toString() {
    return "IdxFile" + Arrays.toString(dims);
  }
}
