package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Layers applied in order; remembers each layer's output shape for the summary. */
public final class Sequential {
  private final List<Layer> layers;
  private final List<long[]> outputShapes = new ArrayList<>();
  private long[] inputShape;

  public Sequential(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  public static Sequential of(Layer... layers) {
    return new Sequential(List.of(layers));
  }

  /** Applies every layer; the first call fixes the shapes shown by the summary. */
  public Operand<TFloat32> apply(ModelContext ctx, Operand<TFloat32> input, long[] shape) {
    boolean record = inputShape == null;
    if (record) {
      inputShape = shape.clone();
    }
    Operand<TFloat32> x = input;
    long[] s = shape;
    for (Layer layer : layers) {
      x = layer.apply(ctx, x, s);
      s = layer.outputShape(s);
      if (record) {
        outputShapes.add(s);
      }
    }
    return x;
  }

  /** Output shape for an input shape, without building anything. */
  public long[] outputShape(long[] shape) {
    long[] s = shape;
    for (Layer layer : layers) {
      s = layer.outputShape(s);
    }
    return s;
  }

  public List<Layer> layers() {
    return layers;
  }

  public List<long[]> outputShapes() {
    return List.copyOf(outputShapes);
  }

  public List<Variable<TFloat32>> trainableVariables() {
    List<Variable<TFloat32>> out = new ArrayList<>();
    layers.forEach(l -> out.addAll(l.trainableVariables()));
    return out;
  }

  public List<Variable<TFloat32>> nonTrainableVariables() {
    List<Variable<TFloat32>> out = new ArrayList<>();
    layers.forEach(l -> out.addAll(l.nonTrainableVariables()));
    return out;
  }

  public List<org.tensorflow.op.Op> updateOps() {
    List<org.tensorflow.op.Op> out = new ArrayList<>();
    layers.forEach(l -> out.addAll(l.updateOps()));
    return out;
  }

  public List<Variable<TFloat32>> kernels() {
    List<Variable<TFloat32>> out = new ArrayList<>();
    layers.forEach(l -> out.addAll(l.kernels()));
    return out;
  }
}
