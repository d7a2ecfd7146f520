package io.tfjlab.eval.embedding;

import java.util.Arrays;

/**
 * Barnes-Hut quadtree over 2-D points stored as {@code y[2i], y[2i+1]}: each cell keeps its mass
 * (number of points) and centre of mass, so that far cells stand in for all their points when
 * summing the repulsive forces of t-SNE. Reused across iterations by {@link #build}; not
 * thread-safe while building, read-only (safe to share) while computing forces.
 */
final class QuadTree {

  private static final int MAX_DEPTH = 48;

  private int size;
  private double[] cx = new double[0];
  private double[] cy = new double[0];
  private double[] half = new double[0];
  private double[] sumX = new double[0];
  private double[] sumY = new double[0];
  private int[] count = new int[0];
  private int[] firstChild = new int[0];
  private int[] point = new int[0];

  /** Rebuilds the tree over the points in {@code y} (length {@code 2n}). */
  void build(double[] y, int n) {
    ensure(4 * n + 16);
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, y[2 * i]);
      maxX = Math.max(maxX, y[2 * i]);
      minY = Math.min(minY, y[2 * i + 1]);
      maxY = Math.max(maxY, y[2 * i + 1]);
    }
    size = 0;
    double h = Math.max(maxX - minX, maxY - minY) / 2 * (1 + 1e-6) + 1e-9;
    newNode((minX + maxX) / 2, (minY + maxY) / 2, h);
    for (int p = 0; p < n; p++) {
      insert(y, p);
    }
  }

  private void insert(double[] y, int p) {
    double px = y[2 * p];
    double py = y[2 * p + 1];
    int node = 0;
    int depth = 0;
    while (true) {
      if (firstChild[node] < 0) {
        if (count[node] == 0) {
          point[node] = p;
          count[node] = 1;
          sumX[node] = px;
          sumY[node] = py;
          return;
        }
        int q = point[node];
        if ((y[2 * q] == px && y[2 * q + 1] == py) || depth >= MAX_DEPTH) {
          count[node]++; // a duplicate: mass only
          sumX[node] += px;
          sumY[node] += py;
          return;
        }
        subdivide(node);
        int c = firstChild[node] + quadrant(node, y[2 * q], y[2 * q + 1]);
        point[c] = q;
        count[c] = count[node];
        sumX[c] = sumX[node];
        sumY[c] = sumY[node];
        point[node] = -1;
      }
      count[node]++;
      sumX[node] += px;
      sumY[node] += py;
      node = firstChild[node] + quadrant(node, px, py);
      depth++;
    }
  }

  private int quadrant(int node, double x, double y) {
    return (x >= cx[node] ? 1 : 0) + (y >= cy[node] ? 2 : 0);
  }

  private void subdivide(int node) {
    double h = half[node] / 2;
    int first = size;
    newNode(cx[node] - h, cy[node] - h, h);
    newNode(cx[node] + h, cy[node] - h, h);
    newNode(cx[node] - h, cy[node] + h, h);
    newNode(cx[node] + h, cy[node] + h, h);
    firstChild[node] = first;
  }

  private void newNode(double x, double y, double h) {
    if (size == cx.length) {
      ensure(2 * size + 16);
    }
    cx[size] = x;
    cy[size] = y;
    half[size] = h;
    sumX[size] = 0;
    sumY[size] = 0;
    count[size] = 0;
    firstChild[size] = -1;
    point[size] = -1;
    size++;
  }

  private void ensure(int capacity) {
    if (cx.length >= capacity) {
      return;
    }
    cx = Arrays.copyOf(cx, capacity);
    cy = Arrays.copyOf(cy, capacity);
    half = Arrays.copyOf(half, capacity);
    sumX = Arrays.copyOf(sumX, capacity);
    sumY = Arrays.copyOf(sumY, capacity);
    count = Arrays.copyOf(count, capacity);
    firstChild = Arrays.copyOf(firstChild, capacity);
    point = Arrays.copyOf(point, capacity);
  }

  /**
   * Repulsive force on point {@code i} at ({@code x}, {@code y}): adds {@code sum_j w_ij^2 (y_i -
   * y_j)} to {@code force[0..1]} and returns {@code sum_j w_ij}, with {@code w = 1 / (1 + |y_i -
   * y_j|^2)}, over all other points, cells whose width over distance is below {@code theta} taken
   * as one mass at their centre.
   */
  double repulsion(int i, double x, double y, double theta, double[] force) {
    int[] stack = new int[64];
    int top = 0;
    stack[top++] = 0;
    double z = 0;
    double fx = 0;
    double fy = 0;
    double theta2 = theta * theta;
    while (top > 0) {
      int node = stack[--top];
      int m = count[node];
      if (m == 0) {
        continue;
      }
      double comX = sumX[node] / m;
      double comY = sumY[node] / m;
      double dx = x - comX;
      double dy = y - comY;
      double d2 = dx * dx + dy * dy;
      boolean leaf = firstChild[node] < 0;
      double width = 2 * half[node];
      if (leaf || width * width < theta2 * d2) {
        if (leaf && d2 == 0) {
          // the point itself, with any exact duplicates at distance 0 (no force)
          z += m - (point[node] == i || m > 1 ? 1 : 0);
          continue;
        }
        double w = 1 / (1 + d2);
        z += m * w;
        double mw2 = m * w * w;
        fx += mw2 * dx;
        fy += mw2 * dy;
      } else {
        if (top + 4 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        int c = firstChild[node];
        stack[top++] = c;
        stack[top++] = c + 1;
        stack[top++] = c + 2;
        stack[top++] = c + 3;
      }
    }
    force[0] += fx;
    force[1] += fy;
    return z;
  }
}
