package io.tfjlab.training.optim;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Builds one training step: gradients of a loss over an explicit variable list (never every
 * variable of the graph — a GAN holds two models), then the update of each variable. Slot variables
 * are named {@code <scope>/<variable>_<slot>} so that checkpoints keep them.
 */
public final class Optimizer {
  private Optimizer() {}

  /**
   * @param tf the graph's ops
   * @param scope a unique scope name for this optimiser's slots, e.g. {@code opt_classifier}
   * @param loss the scalar to minimise
   * @param vars the variables to update
   * @param lr the learning rate (a placeholder, so schedules need no rebuilding)
   * @return the op that runs one step
   */
  public static Op minimize(
      Ops graphOps,
      OptimizerSpec spec,
      String scope,
      Operand<TFloat32> loss,
      List<Variable<TFloat32>> vars,
      Operand<TFloat32> lr) {
    if (vars.isEmpty()) {
      throw new IllegalArgumentException("nothing to train: the variable list is empty");
    }
    Ops tf = graphOps;
    Gradients grads = tf.gradients(loss, vars);
    Ops slots = tf.withSubScope(scope);
    // Every update waits for every gradient: a variable read through identity aliases its buffer,
    // so
    // an update that ran while another variable's gradient was still being computed would change
    // it.
    Ops gated = tf.withControlDependencies(new ArrayList<Op>(grads.dy()));
    List<Op> applies = new ArrayList<>();
    switch (spec.name()) {
      case "sgd" -> {
        for (int i = 0; i < vars.size(); i++) {
          applies.add(gated.train.applyGradientDescent(vars.get(i), lr, grad(grads, i)));
        }
      }
      case "momentum" -> {
        for (int i = 0; i < vars.size(); i++) {
          Variable<TFloat32> v = vars.get(i);
          applies.add(
              gated.train.applyMomentum(
                  v,
                  slot(tf, slots, v, "momentum"),
                  lr,
                  grad(grads, i),
                  tf.constant(spec.momentum().floatValue())));
        }
      }
      case "rmsprop" -> {
        for (int i = 0; i < vars.size(); i++) {
          Variable<TFloat32> v = vars.get(i);
          applies.add(
              gated.train.applyRmsProp(
                  v,
                  slot(tf, slots, v, "rms"),
                  slot(tf, slots, v, "mom"),
                  lr,
                  tf.constant(spec.rho().floatValue()),
                  tf.constant(spec.momentum().floatValue()),
                  tf.constant(spec.epsilon().floatValue()),
                  grad(grads, i)));
        }
      }
      case "adam" -> {
        return adam(tf, gated, spec, slots, grads, vars, lr);
      }
      default -> throw new IllegalStateException(spec.name());
    }
    return tf.withControlDependencies(applies).noOp();
  }

  /**
   * Deterministic Adam: every {@code ApplyAdam} reads the current β powers, and the powers are
   * advanced strictly after all of them (the framework's Adam does not order these, which makes
   * runs differ).
   */
  private static Op adam(
      Ops tf,
      Ops gated,
      OptimizerSpec spec,
      Ops slots,
      Gradients grads,
      List<Variable<TFloat32>> vars,
      Operand<TFloat32> lr) {
    float b1 = spec.beta1().floatValue();
    float b2 = spec.beta2().floatValue();
    Variable<TFloat32> b1Power = slots.withName("beta1_power").variable(tf.constant(b1));
    Variable<TFloat32> b2Power = slots.withName("beta2_power").variable(tf.constant(b2));
    List<Op> applies = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Variable<TFloat32> v = vars.get(i);
      if (Boolean.TRUE.equals(spec.epsilonInside())) {
        applies.add(
            adamEpsilonInside(
                gated,
                v,
                slot(tf, slots, v, "m"),
                slot(tf, slots, v, "v"),
                b1Power,
                b2Power,
                lr,
                b1,
                b2,
                spec.epsilon().floatValue(),
                grad(grads, i)));
        continue;
      }
      applies.add(
          gated.train.applyAdam(
              v,
              slot(tf, slots, v, "m"),
              slot(tf, slots, v, "v"),
              b1Power,
              b2Power,
              lr,
              tf.constant(b1),
              tf.constant(b2),
              tf.constant(spec.epsilon().floatValue()),
              grad(grads, i)));
    }
    Ops after = tf.withControlDependencies(applies);
    Op u1 = after.assign(b1Power, after.math.mul(after.identity(b1Power), after.constant(b1)));
    Op u2 = after.assign(b2Power, after.math.mul(after.identity(b2Power), after.constant(b2)));
    return tf.withControlDependencies(List.of(u1, u2)).noOp();
  }

  /**
   * One Adam update with ε under the square root (Theano/Lasagne, the Salimans et al. code): {@code
   * m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; p ← p − lr·(m/(1−β1^t)) / √(v/(1−β2^t) + ε)}.
   */
  private static Op adamEpsilonInside(
      Ops tf,
      Variable<TFloat32> p,
      Variable<TFloat32> m,
      Variable<TFloat32> v,
      Variable<TFloat32> b1Power,
      Variable<TFloat32> b2Power,
      Operand<TFloat32> lr,
      float b1,
      float b2,
      float eps,
      Operand<TFloat32> g) {
    Operand<TFloat32> mNew =
        tf.identity(
            tf.assign(
                m,
                tf.math.add(
                    tf.math.mul(tf.constant(b1), tf.identity(m)),
                    tf.math.mul(tf.constant(1 - b1), g))));
    Operand<TFloat32> vNew =
        tf.identity(
            tf.assign(
                v,
                tf.math.add(
                    tf.math.mul(tf.constant(b2), tf.identity(v)),
                    tf.math.mul(tf.constant(1 - b2), tf.math.square(g)))));
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> mHat = tf.math.div(mNew, tf.math.sub(one, tf.identity(b1Power)));
    Operand<TFloat32> vHat = tf.math.div(vNew, tf.math.sub(one, tf.identity(b2Power)));
    Operand<TFloat32> step =
        tf.math.mul(lr, tf.math.div(mHat, tf.math.sqrt(tf.math.add(vHat, tf.constant(eps)))));
    return tf.assignSub(p, step);
  }

  private static Output<TFloat32> grad(Gradients grads, int i) {
    return grads.dy(i);
  }

  private static Variable<TFloat32> slot(Ops tf, Ops slots, Variable<TFloat32> v, String slotName) {
    String name = v.op().name().replace('/', '_') + "_" + slotName;
    // zeros of the variable's static shape: an initializer must not read another variable
    return slots
        .withName(name)
        .variable(tf.zeros(tf.constant(v.shape().asArray()), TFloat32.class));
  }
}
