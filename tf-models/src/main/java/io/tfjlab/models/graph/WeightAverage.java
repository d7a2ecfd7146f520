package io.tfjlab.models.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An exponential moving average of some variables (Salimans et al. evaluate the discriminator with
 * one): a shadow variable per variable, an update op {@code shadow ← shadow + rate·(v − shadow)} to
 * run after each training step, and a swap that exchanges live and averaged values in place (run it
 * before evaluating or exporting, and again after). Shadows are variables, so checkpoints keep
 * them.
 */
public final class WeightAverage {
  private final Op update;
  private final Op toBackup;
  private final Op liveFromShadow;
  private final Op shadowFromBackup;
  private final Op reset;
  private final List<Variable<TFloat32>> shadows = new ArrayList<>();

  public WeightAverage(Ops tf, String scope, List<Variable<TFloat32>> vars, double rate) {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("average rate must be in (0, 1], got " + rate);
    }
    Ops s = tf.withSubScope(scope);
    List<Op> updates = new ArrayList<>();
    List<Op> backups = new ArrayList<>();
    List<Op> lives = new ArrayList<>();
    List<Op> restores = new ArrayList<>();
    List<Op> resets = new ArrayList<>();
    for (Variable<TFloat32> v : vars) {
      String name = v.op().name().replace('/', '_');
      // zeros at first: an initializer may not read another variable (initialisation order is
      // free);
      // reset() copies the live values in once they exist
      Variable<TFloat32> shadow = s.withName(name + "_avg").variable(zeros(tf, v));
      Variable<TFloat32> backup = s.withName(name + "_swap").variable(zeros(tf, v));
      shadows.add(shadow);
      updates.add(
          tf.assign(
              shadow,
              tf.math.add(
                  tf.identity(shadow),
                  tf.math.mul(
                      tf.math.sub(tf.identity(v), tf.identity(shadow)),
                      tf.constant((float) rate)))));
      backups.add(tf.assign(backup, tf.identity(v)));
      resets.add(tf.assign(shadow, tf.identity(v)));
      lives.add(tf.assign(v, tf.identity(shadow)));
      restores.add(tf.assign(shadow, tf.identity(backup)));
    }
    this.update = tf.withControlDependencies(updates).noOp();
    this.toBackup = tf.withControlDependencies(backups).noOp();
    this.liveFromShadow = tf.withControlDependencies(lives).noOp();
    this.shadowFromBackup = tf.withControlDependencies(restores).noOp();
    this.reset = tf.withControlDependencies(resets).noOp();
  }

  /** Sets every average to the live value (once, when a new run starts). */
  public void reset(Session session) {
    session.run(reset);
  }

  private static org.tensorflow.Operand<TFloat32> zeros(Ops tf, Variable<TFloat32> v) {
    return tf.zeros(tf.constant(v.shape().asArray()), TFloat32.class);
  }

  /** The op that moves the averages one step toward the live values. */
  public Op update() {
    return update;
  }

  /** Exchanges live and averaged values (three ordered session calls; call again to swap back). */
  public void swap(Session session) {
    session.run(toBackup);
    session.run(liveFromShadow);
    session.run(shadowFromBackup);
  }

  public List<Variable<TFloat32>> shadows() {
    return List.copyOf(shadows);
  }
}
