package io.tfjlab.data.acquire;

import java.io.IOException;

/** A file whose decoded SHA-256 is not the one published for it. */
public class ChecksumMismatchException extends IOException {
  public ChecksumMismatchException(String file, String source, String expected, String actual) {
    super(
        file
            + " from "
            + source
            + ": SHA-256 mismatch, expected "
            + expected
            + " but got "
            + actual
            + " (corrupt or different file)");
  }
}
