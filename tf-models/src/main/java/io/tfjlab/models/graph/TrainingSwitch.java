package io.tfjlab.models.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.SwitchCond;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * Two subgraphs of which only one runs, chosen by the graph's training flag: TensorFlow's {@code
 * Switch} and {@code Merge} (the control flow of a TF1 {@code tf.cond}). Every tensor a branch
 * reads from outside enters it through {@link #split}, and the two results leave through {@link
 * #merge}; the branch not taken is never computed (its tensors are dead), where a {@code select}
 * computes both. For layers whose training and inference computations differ in kind (batch norm's
 * fused batch statistics against its moving averages).
 *
 * <p>The C++ gradient registry has no gradient for {@code Switch} or {@code Merge}; this class
 * registers the two of {@code tf.cond}: a {@code Merge}'s gradient is switched onto the branch that
 * was taken (read from its {@code value_index}), a {@code Switch}'s gradient merges the two branch
 * gradients. Inputs that enter a branch other than through {@link #split} would get a dead
 * gradient; {@link #split} is the only way in. Two of TF Java 1.1's 10 custom gradients a process.
 */
public final class TrainingSwitch {
  private static boolean registered;

  private TrainingSwitch() {}

  /** A tensor's two ways into the branches: live outside training and in training respectively. */
  public record Split<T extends TType>(Output<T> inference, Output<T> training) {}

  /** {@code x} switched on the training flag. */
  public static <T extends TType> Split<T> split(ModelContext ctx, Operand<T> x) {
    register();
    SwitchCond<T> s = ctx.tf().switchCond(x, ctx.training());
    return new Split<>(s.outputFalse(), s.outputTrue());
  }

  /** The result of whichever branch ran; both operands must come from {@link #split} outputs. */
  public static <T extends TType> Operand<T> merge(
      ModelContext ctx, Operand<T> inference, Operand<T> training) {
    register();
    return ctx.tf().merge(List.of(inference, training)).output();
  }

  private static synchronized void register() {
    if (registered) {
      return;
    }
    requireRegistered(
        "Switch", TensorFlow.registerCustomGradient("Switch", TrainingSwitch::switchGradient));
    requireRegistered(
        "Merge", TensorFlow.registerCustomGradient("Merge", TrainingSwitch::mergeGradient));
    registered = true;
  }

  private static void requireRegistered(String op, boolean done) {
    if (!done) {
      throw new IllegalStateException(
          "a gradient for "
              + op
              + " is already registered in this process; TrainingSwitch needs its own");
    }
  }

  /** Gradient of (data, pred): the two branch gradients merged (one is live); none for pred. */
  private static List<Operand<?>> switchGradient(Ops tf, GraphOperation op, List<Output<?>> dy) {
    List<Operand<?>> grads = new ArrayList<>();
    grads.add(tf.merge(List.of(orZeros(tf, op, dy, 0), orZeros(tf, op, dy, 1))).output());
    grads.add(tf.zerosLike(op.input(1)));
    return grads;
  }

  /** A branch output's gradient, or zeros as dead or live as that output when it got none. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Operand orZeros(Ops tf, GraphOperation op, List<Output<?>> dy, int i) {
    Output<?> d = dy.size() > i ? dy.get(i) : null;
    return d != null ? d : tf.zerosLike(op.output(i));
  }

  /** Gradient of a two-input Merge: the output's gradient switched onto the taken input. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Operand<?>> mergeGradient(Ops tf, GraphOperation op, List<Output<?>> dy) {
    if (op.numInputs() != 2) {
      throw new IllegalStateException(
          "TrainingSwitch's Merge gradient takes two inputs, got " + op.numInputs());
    }
    Operand<TBool> tookSecond = tf.math.equal(op.<TInt32>output(1), tf.constant(1));
    SwitchCond s = tf.switchCond((Operand) dy.get(0), tookSecond);
    return List.of(s.outputFalse(), s.outputTrue());
  }
}
