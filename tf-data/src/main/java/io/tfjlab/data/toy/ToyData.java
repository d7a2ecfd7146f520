package io.tfjlab.data.toy;

/**
 * A small tabular data set: {@code n} rows of {@code xDim} features and {@code yDim} targets,
 * row-major.
 */
public record ToyData(String name, int n, int xDim, float[] x, int yDim, float[] y) {
  public ToyData {
    if (x.length != n * xDim || y.length != n * yDim) {
      throw new IllegalArgumentException(name + ": arrays do not match n=" + n);
    }
  }

  public float x(int row, int col) {
    return x[row * xDim + col];
  }

  public float y(int row) {
    return y[row * yDim];
  }
}
