package io.tfjlab.data.acquire;

/** No source could deliver a data set; the message lists every source tried and why it failed. */
public class DatasetUnavailableException extends RuntimeException {
  public DatasetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
