package io.tfjlab.data;

/**
 * A data file that does not have the format it should; the message names the file and the fault.
 */
public class DataFormatException extends RuntimeException {
  public DataFormatException(String message) {
    super(message);
  }

  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
