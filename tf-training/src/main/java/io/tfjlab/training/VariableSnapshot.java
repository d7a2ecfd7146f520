package io.tfjlab.training;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The {@link StepGuard} over every variable of a graph, host-side: before a step one session call
 * fetches a deep copy of each variable (the copies stay in host tensors until the next step); after
 * it one call fetches whether every element of every variable is finite; {@link #undo()} feeds the
 * copies back through one assign per variable. The ops are added to the graph once (no variable is
 * added, so checkpoints hold the same tensors); only a run that asks to skip non-finite steps
 * builds and runs them, so the default run is unchanged.
 */
public final class VariableSnapshot implements StepGuard {
  private final Session session;
  private final List<Operand<TFloat32>> copies = new ArrayList<>();
  private final List<Placeholder<TFloat32>> values = new ArrayList<>();
  private final List<Op> assigns = new ArrayList<>();
  private final Operand<TBool> finite;
  private Result saved;

  /** Adds the snapshot ops over the variables {@code graph} holds now. */
  public VariableSnapshot(Graph graph, Ops graphOps, Session session) {
    this.session = session;
    List<GraphOperation> variables = new ArrayList<>();
    for (var it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2")) {
        variables.add(op);
      }
    }
    if (variables.isEmpty()) {
      throw new IllegalStateException("the graph holds no variable to guard");
    }
    Ops tf = graphOps.withSubScope("nonfinite_guard");
    Operand<TInt32> flat = tf.constant(new int[] {-1});
    Operand<TInt32> axis = tf.constant(0);
    List<Operand<TBool>> each = new ArrayList<>();
    for (GraphOperation op : variables) {
      DataType t = op.output(0).dataType();
      if (t != DataType.DT_FLOAT && t != DataType.DT_FLOAT_REF) {
        throw new IllegalStateException(
            "variable "
                + op.name()
                + " is "
                + t
                + "; skipping non-finite steps guards float32 only");
      }
      Operand<TFloat32> v = tf.identity(op.<TFloat32>output(0));
      copies.add(tf.deepCopy(v));
      Placeholder<TFloat32> p =
          tf.placeholder(TFloat32.class, Placeholder.shape(op.output(0).shape()));
      values.add(p);
      assigns.add(tf.assign(op.<TFloat32>output(0), p));
      each.add(tf.reduceAll(tf.math.isFinite(tf.reshape(v, flat)), axis));
    }
    this.finite = tf.reduceAll(tf.stack(each), axis);
  }

  @Override
  public void beforeStep() {
    release();
    Session.Runner r = session.runner();
    copies.forEach(r::fetch);
    saved = r.run();
  }

  @Override
  public boolean stateFinite() {
    try (Result r = session.runner().fetch(finite).run()) {
      return ((TBool) r.get(0)).getBoolean();
    }
  }

  @Override
  public void undo() {
    if (saved == null) {
      throw new IllegalStateException("no snapshot to go back to");
    }
    Session.Runner r = session.runner();
    for (int i = 0; i < values.size(); i++) {
      r.feed(values.get(i), (Tensor) saved.get(i));
      r.addTarget(assigns.get(i));
    }
    try (Result done = r.run()) {
      // nothing fetched
    }
  }

  private void release() {
    if (saved != null) {
      saved.close();
      saved = null;
    }
  }

  @Override
  public void close() {
    release();
  }
}
