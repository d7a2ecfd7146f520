package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.graph.WeightAverage;
import io.tfjlab.models.layers.MinibatchDiscrimination;
import io.tfjlab.models.layers.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Semi-supervised GAN in Salimans et al.'s form (2016): a discriminator with K class logits l and
 * an implicit fake logit 0, so D(x) = Z(x)/(Z(x)+1), Z = Σ exp(l). Its loss is the labeled
 * cross-entropy plus the unlabeled real/fake loss {@code ½·mean(softplus(lse(l_real))) −
 * ½·mean(lse(l_real)) + ½·mean(softplus(lse(l_fake)))}; the generator matches the mean features of
 * the discriminator's last hidden layer on generated and (independently shuffled) real images.
 * Discriminators: {@code mlp} (the reference recipe's weight-normalised network with Gaussian noise
 * and data-dependent initialisation) or {@code cnn}. Evaluation and export use an exponential
 * moving average of the discriminator weights.
 *
 * <p>Options (off by default, the default graph is unchanged): minibatch discrimination before the
 * classifier layer ({@code minibatchKernels}, {@code minibatchDims}), its statistics computed
 * within the labeled, the unlabeled and the generated rows separately during training and over the
 * fed batch in evaluation and serving; and one-sided label smoothing α of the unlabeled real term
 * ({@code labelSmoothing}, see {@link GanParts#unlabeledLoss}); a consistency term between two
 * noise draws of the unlabeled batch ({@code consistency}, see {@link GanParts#consistency}).
 */
public final class SemiSupervisedGanModel implements ModelFactory {
  private static Operand<TInt32> batchSize(Ops tf, Operand<TFloat32> x) {
    return tf.reshape(
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
        tf.constant(new int[0]));
  }

  /** Rows {@code start .. start+count} of a [n, d] tensor ({@code count} −1: to the end). */
  private static Operand<TFloat32> rows(
      Ops tf, Operand<TFloat32> x, Operand<TInt32> start, Operand<TInt32> count) {
    return tf.slice(
        x, tf.stack(List.of(start, tf.constant(0))), tf.stack(List.of(count, tf.constant(-1))));
  }

  /**
   * The head applied to the labeled, the unlabeled and the generated rows of the body's features
   * {@code f} (in that order; the generated rows are the rest) each on its own, so that a layer
   * comparing rows (minibatch discrimination) never compares rows of different parts. The logits of
   * the three parts, in that order.
   */
  static List<Operand<TFloat32>> headPerPart(
      ModelContext ctx,
      Sequential head,
      Operand<TFloat32> f,
      long[] fShape,
      Operand<TInt32> nLab,
      Operand<TInt32> nUnl) {
    Ops tf = ctx.tf();
    return List.of(
        head.apply(ctx, rows(tf, f, tf.constant(0), nLab), fShape),
        head.apply(ctx, rows(tf, f, nLab, nUnl), fShape),
        head.apply(ctx, rows(tf, f, tf.math.add(nLab, nUnl), tf.constant(-1)), fShape));
  }

  @Override
  public String name() {
    return "sgan";
  }

  @Override
  public String description() {
    return "semi-supervised GAN, Salimans' K+1 form with feature matching; discriminator mlp (reference) or cnn";
  }

  @Override
  public ModelSpec resolve(ModelSpec spec) {
    // defaults and presets: families/sgan.json (the cnn discriminator brings the conv generator);
    // the kernel dimensions default to the layer's own, and only when the layer is on
    SganSpec s = SpecChecks.as(spec, SganSpec.class);
    if (!s.usesMinibatchDiscrimination()) {
      if (s.minibatchDims() != null) {
        throw new IllegalArgumentException(
            "model.minibatchDims needs model.minibatchKernels > 0 (--minibatch-kernels)");
      }
      return s;
    }
    return s.withMinibatchDims(
        ModelSpec.or(s.minibatchDims(), MinibatchDiscrimination.DEFAULT_DIMS));
  }

  @Override
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    SganSpec r = (SganSpec) resolve(spec);
    Ops tf = ctx.tf();
    long[] shape = input.shape();
    int k = input.numClasses();
    Placeholder<TFloat32> xLab = Heads.input(ctx, shape);
    Placeholder<TFloat32> y = Heads.target(ctx, k);
    Placeholder<TFloat32> xUnl =
        tf.withName("unlabeled")
            .placeholder(
                TFloat32.class,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(Shapes.withBatch(shape))));
    Placeholder<TFloat32> xMatch =
        tf.withName("match")
            .placeholder(
                TFloat32.class,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(Shapes.withBatch(shape))));
    PlaceholderWithDefault<TInt32> noiseBatch = GanParts.noiseBatch(ctx, 100);

    boolean mlp = r.discriminator().equals("mlp");
    Sequential generator =
        "conv".equals(r.generator())
            ? GanParts.convGenerator(shape, r.generatorOutput())
            : GanParts.salimansGenerator(shape, r.generatorOutput());
    Sequential body = mlp ? GanParts.salimansDiscriminatorBody() : GanParts.cnnDiscriminatorBody();
    Optional<MinibatchDiscrimination> minibatch =
        r.usesMinibatchDiscrimination()
            ? Optional.of(new MinibatchDiscrimination(r.minibatchKernels(), r.minibatchDims()))
            : Optional.empty();
    // both discriminators end as the reference MLP: noise 0.5 → weight-normed dense K
    Sequential head = GanParts.salimansDiscriminatorHead(k, minibatch);

    // the labeled path first: it fixes the shapes the summary shows
    Operand<TFloat32> fLab = body.apply(ctx, xLab, shape);
    long[] fShape = body.outputShape(shape);
    Operand<TFloat32> lLab = head.apply(ctx, fLab, fShape);

    Operand<TFloat32> z = GanParts.noise(ctx, noiseBatch, r.noiseDim());
    Operand<TFloat32> fake = generator.apply(ctx, z, new long[] {r.noiseDim()});
    // Training paths: the discriminator body sees labeled, unlabeled and generated images as one
    // batch
    // (fewer, larger matrix products; no body layer mixes rows), then the rows are split again.
    Operand<TInt32> nLab = batchSize(tf, xLab);
    Operand<TInt32> nUnl = batchSize(tf, xUnl);
    // with the consistency term the unlabeled batch goes through a second time, at the end: its
    // rows draw other Gaussian noise and dropout masks
    boolean consistency = r.usesConsistency();
    Operand<TFloat32> fAll =
        body.apply(
            ctx,
            tf.concat(
                consistency ? List.of(xLab, xUnl, fake, xUnl) : List.of(xLab, xUnl, fake),
                tf.constant(0)),
            shape);
    Operand<TFloat32> lLabTrain;
    Operand<TFloat32> lUnl;
    Operand<TFloat32> lFake;
    Optional<Operand<TFloat32>> consistencyLoss = Optional.empty();
    if (minibatch.isEmpty()) {
      Operand<TFloat32> lAll = head.apply(ctx, fAll, fShape);
      lLabTrain = rows(tf, lAll, tf.constant(0), nLab);
      lUnl = rows(tf, lAll, nLab, nUnl);
      if (consistency) {
        lUnl = tf.withName("unlabeled_logits").identity(lUnl);
        Operand<TInt32> fakeStart = tf.math.add(nLab, nUnl);
        lFake = rows(tf, lAll, fakeStart, noiseBatch);
        Operand<TFloat32> lUnl2 = rows(tf, lAll, tf.math.add(fakeStart, noiseBatch), nUnl);
        consistencyLoss = Optional.of(GanParts.consistency(tf, lUnl, lUnl2));
      } else {
        lFake = rows(tf, lAll, tf.math.add(nLab, nUnl), tf.constant(-1));
      }
    } else {
      // minibatch discrimination compares rows: each part only among its own rows, as the reference
      // code (which runs the discriminator on each part separately); the head is small
      List<Operand<TFloat32>> l = headPerPart(ctx, head, fAll, fShape, nLab, nUnl);
      lLabTrain = tf.withName("labeled_logits").identity(l.get(0));
      lUnl = tf.withName("unlabeled_logits").identity(l.get(1));
      lFake = tf.withName("fake_logits").identity(l.get(2));
    }
    Operand<TFloat32> fGen =
        body.apply(ctx, tf.concat(List.of(fake, xMatch), tf.constant(0)), shape);
    Operand<TFloat32> fFake = rows(tf, fGen, tf.constant(0), noiseBatch);
    Operand<TFloat32> fMatch = rows(tf, fGen, noiseBatch, tf.constant(-1));

    Operand<TFloat32> lossLab = Heads.softmaxLoss(tf, lLabTrain, y);
    Operand<TFloat32> lossUnl = GanParts.unlabeledLoss(tf, lUnl, lFake, r.labelSmoothing());
    Operand<TFloat32> dLoss =
        consistencyLoss.isEmpty()
            ? tf.withName("discriminator_loss").math.add(lossLab, lossUnl)
            : tf.withName("discriminator_loss")
                .math
                .add(
                    tf.math.add(lossLab, lossUnl),
                    tf.math.mul(
                        tf.constant(r.consistency().floatValue()),
                        tf.withName("consistency_loss").identity(consistencyLoss.get())));
    Operand<TFloat32> gLoss =
        tf.withName("generator_loss")
            .math
            .mean(
                tf.math.square(tf.math.sub(GanParts.mean(tf, fFake), GanParts.mean(tf, fMatch))),
                tf.constant(0));
    Operand<TFloat32> accuracy = Heads.accuracy(tf, lLabTrain, y);
    Operand<TFloat32> evalLoss = Heads.softmaxLoss(tf, lLab, y);
    Operand<TFloat32> evalAccuracy = Heads.accuracy(tf, lLab, y);

    List<Variable<TFloat32>> dVars = new ArrayList<>(body.trainableVariables());
    dVars.addAll(head.trainableVariables());
    List<Variable<TFloat32>> dKernels = new ArrayList<>(body.kernels());
    dKernels.addAll(head.kernels());
    Optional<WeightAverage> average =
        r.averageRate() > 0
            ? Optional.of(new WeightAverage(tf, "discriminator_average", dVars, r.averageRate()))
            : Optional.empty();
    Operand<TFloat32> samples =
        generator.apply(
            ctx, GanParts.fixedNoise(ctx, 100, r.noiseDim()), new long[] {r.noiseDim()});
    Adversarial adversarial =
        new Adversarial(
            xUnl,
            Optional.of(xMatch),
            noiseBatch,
            gLoss,
            generator.trainableVariables(),
            body.updateOps(),
            generator.updateOps(),
            true,
            samples,
            average);
    Phase phase =
        new Phase(
            "sgan",
            dLoss,
            accuracy,
            "acc",
            dVars,
            dKernels,
            Phase.PhaseData.ALL_TRAIN,
            evalLoss,
            evalAccuracy,
            true,
            Optional.of(adversarial),
            List.of());

    Optional<BuiltModel.DataInit> init;
    {
      List<Op> assigns = new ArrayList<>();
      Placeholder<TFloat32> initInput =
          tf.withName("init_images")
              .placeholder(
                  TFloat32.class,
                  Placeholder.shape(org.tensorflow.ndarray.Shape.of(Shapes.withBatch(shape))));
      GanParts.initPath(
          ctx, head, GanParts.initPath(ctx, body, initInput, shape, assigns), fShape, assigns);
      init =
          Optional.of(
              new BuiltModel.DataInit(initInput, tf.withControlDependencies(assigns).noOp(), 500));
    }
    Map<String, Sequential> parts = new LinkedHashMap<>();
    parts.put("discriminator", body);
    parts.put("classifier_head", head);
    parts.put("generator", generator);
    Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(lLab);
    return new BuiltModel(
        name(),
        r,
        Task.CLASSIFY,
        ctx,
        xLab,
        y,
        probabilities,
        List.of(phase),
        parts,
        List.of("discriminator", "classifier_head"),
        init,
        Optional.of(new BuiltModel.Generator(z, fake, r.noiseDim())));
  }
}
