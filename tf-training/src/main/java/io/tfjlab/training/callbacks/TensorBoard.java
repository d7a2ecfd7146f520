package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import java.util.Map;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * TensorBoard event files written by TensorFlow's own summary ops: one scalar per metric and epoch,
 * tagged {@code <phase>/<metric>} (e.g. {@code classifier/val_acc}), x axis = global epoch. Its ops
 * must be added to the graph before the session starts (construct it first).
 */
public final class TensorBoard implements Callback {
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> value;
  private final Op writeScalar;
  private final Op flush;
  private int epochOffset;
  private String phaseSeen;

  public TensorBoard(Ops tf, String logdir) {
    Ops init = tf.withInitScope();
    SummaryWriter writer =
        init.withName("tensorboard_writer")
            .summary
            .summaryWriter(
                SummaryWriter.sharedName("tfjlab_" + Integer.toHexString(logdir.hashCode())));
    init.summary.createSummaryFileWriter(
        writer,
        init.constant(logdir),
        init.constant(10),
        init.constant(1000),
        init.constant(".v2"));
    Ops s = tf.withSubScope("tensorboard");
    this.step = s.withName("step").placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    this.tag = s.withName("tag").placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    this.value = s.withName("value").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    this.writeScalar = s.summary.writeScalarSummary(writer, step, tag, value);
    this.flush = s.summary.flushSummaryWriter(writer);
  }

  @Override
  public void onPhaseBegin(TrainingContext ctx) {
    if (phaseSeen != null && !phaseSeen.equals(ctx.phase().name())) {
      epochOffset += ctx.epochs();
    }
    phaseSeen = ctx.phase().name();
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    Session session = ctx.session();
    try (TInt64 stepT = TInt64.scalarOf(logs.epoch())) {
      for (Map.Entry<String, Double> e : logs.metrics().entrySet()) {
        if (e.getValue().isNaN()) {
          continue;
        }
        try (TString tagT = TString.scalarOf(logs.phase() + "/" + e.getKey());
            TFloat32 valueT = TFloat32.scalarOf(e.getValue().floatValue())) {
          session
              .runner()
              .feed(step, stepT)
              .feed(tag, tagT)
              .feed(value, valueT)
              .addTarget(writeScalar)
              .run()
              .close();
        }
      }
    }
    session.runner().addTarget(flush).run().close();
  }
}
