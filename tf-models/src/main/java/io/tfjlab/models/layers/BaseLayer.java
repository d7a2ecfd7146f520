package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Common plumbing: a layer name fixed at the first apply, one variable scope per layer, variables
 * created once, and seeded initialisers.
 */
abstract class BaseLayer implements Layer {
  private final String baseName;
  private String name;
  private Ops scope;
  protected final List<Variable<TFloat32>> trainable = new ArrayList<>();
  protected final List<Variable<TFloat32>> nonTrainable = new ArrayList<>();
  protected final List<Variable<TFloat32>> kernels = new ArrayList<>();

  protected BaseLayer(String baseName) {
    this.baseName = baseName;
  }

  @Override
  public String name() {
    return name == null ? baseName : name;
  }

  @Override
  public final Operand<TFloat32> apply(
      ModelContext ctx, Operand<TFloat32> input, long[] inputShape) {
    ensureBuilt(ctx, inputShape);
    return call(ctx, scope, input, inputShape);
  }

  /** Names the layer and creates its variables, the first time only. */
  protected final void ensureBuilt(ModelContext ctx, long[] inputShape) {
    if (scope == null) {
      name = ctx.uniqueName(baseName);
      scope = ctx.tf().withSubScope(name);
      build(ctx, inputShape);
    }
  }

  /** Creates the variables, once, for an input of this per-sample shape. */
  protected void build(ModelContext ctx, long[] inputShape) {}

  /** Builds the ops for one application. */
  protected abstract Operand<TFloat32> call(
      ModelContext ctx, Ops scope, Operand<TFloat32> input, long[] inputShape);

  protected Variable<TFloat32> variable(
      String varName, Operand<TFloat32> init, boolean isTrainable) {
    Variable<TFloat32> v = scope.withName(varName).variable(init);
    (isTrainable ? trainable : nonTrainable).add(v);
    return v;
  }

  protected Variable<TFloat32> kernel(ModelContext ctx, String varName, long[] dims, Init init) {
    Ops tf = ctx.tf();
    long seed = ctx.nextInitSeed();
    Operand<TFloat32> initial =
        switch (init) {
          case GLOROT_UNIFORM -> Initializers.glorotUniform(tf, dims, seed);
          case HE_NORMAL -> Initializers.heNormal(tf, dims, seed);
          case HE_UNIFORM -> Initializers.heUniform(tf, dims, seed);
        };
    Variable<TFloat32> v = variable(varName, initial, true);
    kernels.add(v);
    return v;
  }

  protected Variable<TFloat32> constantVariable(
      ModelContext ctx, String varName, long size, float value, boolean isTrainable) {
    Ops tf = ctx.tf();
    return variable(
        varName, tf.fill(tf.constant(new long[] {size}), tf.constant(value)), isTrainable);
  }

  @Override
  public List<Variable<TFloat32>> trainableVariables() {
    return List.copyOf(trainable);
  }

  @Override
  public List<Variable<TFloat32>> nonTrainableVariables() {
    return List.copyOf(nonTrainable);
  }

  @Override
  public List<Variable<TFloat32>> kernels() {
    return List.copyOf(kernels);
  }

  /** Weight initialisation schemes. */
  public enum Init {
    GLOROT_UNIFORM,
    HE_NORMAL,
    HE_UNIFORM
  }
}
