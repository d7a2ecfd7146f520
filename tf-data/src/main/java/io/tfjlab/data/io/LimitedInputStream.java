package io.tfjlab.data.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails with a clear {@link IOException} once more than a given number of bytes has
 * been read through it: the guard against a small compressed file that expands without end (a "zip
 * bomb"), put on every decompressed stream.
 */
public final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final String what;
  private long count;

  /**
   * @param in the stream to guard
   * @param limit the most bytes that may be read
   * @param what names the content in the error, e.g. the file
   */
  public LimitedInputStream(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(long n) throws IOException {
    count += n;
    if (count > limit) {
      throw new IOException(
          what
              + " expands past the limit of "
              + limit
              + " bytes (a corrupt or hostile compressed file?); stopped decompressing");
    }
  }
}
