package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * DCGAN (seed 000): a transposed-convolution generator against seed 000's discriminator, trained
 * with the non-saturating GAN loss (optional one-sided label smoothing). As {@code dcgan-transfer}
 * a second phase re-heads the trained discriminator body with a fresh 10-way dense layer and
 * fine-tunes it on the labeled images (body frozen or not).
 */
public final class DcganModel implements ModelFactory {
  private final boolean transfer;

  private DcganModel(boolean transfer) {
    this.transfer = transfer;
  }

  public static DcganModel gan() {
    return new DcganModel(false);
  }

  public static DcganModel transfer() {
    return new DcganModel(true);
  }

  @Override
  public String name() {
    return transfer ? "dcgan-transfer" : "dcgan";
  }

  @Override
  public String description() {
    return transfer
        ? "DCGAN, then its discriminator re-headed with Dense 10 and fine-tuned on the labels (seed 000)"
        : "DCGAN: transposed-conv generator vs seed 000's discriminator (sample grids, generate signature)";
  }

  /** Seed 000's generator draws 28x28x1 digits: the images must be of that size. */
  @Override
  public void validate(ModelSpec spec, InputSpec input) {
    long[] s = input.shape();
    if (s.length != 3 || s[0] != 28 || s[1] != 28 || s[2] != 1) {
      throw new IllegalArgumentException(
          name()
              + " expects 28x28x1 images (seed 000's generator draws MNIST-sized digits), this data"
              + " set has "
              + java.util.Arrays.stream(s)
                  .mapToObj(Long::toString)
                  .collect(java.util.stream.Collectors.joining("x"))
              + "; use --image-size 28x28 --color grey, or a model that takes any size (cnn, mlp,"
              + " sgan, layers)");
    }
  }

  @Override
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    validate(spec, input);
    // defaults and presets: families/dcgan.json, families/dcgan-transfer.json
    GanOptions r =
        transfer
            ? SpecChecks.as(spec, DcganTransferSpec.class)
            : SpecChecks.as(spec, DcganSpec.class);
    boolean freezeBody = transfer && ((DcganTransferSpec) r).freezeBody();
    Ops tf = ctx.tf();
    long[] shape = input.shape();
    Placeholder<TFloat32> x = Heads.input(ctx, shape);
    Placeholder<TFloat32> y = Heads.target(ctx, input.targetWidth());
    PlaceholderWithDefault<TInt32> noiseBatch = GanParts.noiseBatch(ctx, 100);

    Sequential body = GanParts.dcganDiscriminatorBody();
    Sequential ganHead = GanParts.denseHead(1, r.dropout());
    Sequential generator = GanParts.dcganGenerator();

    Operand<TFloat32> fReal = body.apply(ctx, x, shape);
    long[] fShape = body.outputShape(shape);
    Operand<TFloat32> dReal = ganHead.apply(ctx, fReal, fShape);
    Operand<TFloat32> z = GanParts.noise(ctx, noiseBatch, r.noiseDim());
    Operand<TFloat32> fake = generator.apply(ctx, z, new long[] {r.noiseDim()});
    Operand<TFloat32> dFake = ganHead.apply(ctx, body.apply(ctx, fake, shape), fShape);

    // targets carry no gradient (OnesLike/ZerosLike have none registered): stop them at the source
    Operand<TFloat32> realTarget = tf.stopGradient(tf.onesLike(dReal));
    Operand<TFloat32> fakeTarget = tf.stopGradient(tf.zerosLike(dFake));
    Operand<TFloat32> foolTarget = tf.stopGradient(tf.onesLike(dFake));
    Operand<TFloat32> smoothed =
        tf.math.mul(realTarget, tf.constant((float) (1 - r.labelSmoothing())));
    Operand<TFloat32> dLoss =
        tf.withName("discriminator_loss")
            .math
            .add(
                Heads.meanAll(tf, Heads.sigmoidCrossEntropy(tf, dReal, smoothed), 2),
                Heads.meanAll(tf, Heads.sigmoidCrossEntropy(tf, dFake, fakeTarget), 2));
    Operand<TFloat32> gLoss =
        tf.withName("generator_loss")
            .identity(Heads.meanAll(tf, Heads.sigmoidCrossEntropy(tf, dFake, foolTarget), 2));
    Operand<TFloat32> realCalledReal = Heads.binaryAccuracy(tf, dReal, realTarget);
    Operand<TFloat32> dAccuracy =
        tf.math.mul(
            tf.constant(0.5f),
            tf.math.add(realCalledReal, Heads.binaryAccuracy(tf, dFake, fakeTarget)));
    Operand<TFloat32> realLoss =
        Heads.meanAll(tf, Heads.sigmoidCrossEntropy(tf, dReal, realTarget), 2);

    List<Variable<TFloat32>> dVars = new ArrayList<>(body.trainableVariables());
    dVars.addAll(ganHead.trainableVariables());
    List<Variable<TFloat32>> dKernels = new ArrayList<>(body.kernels());
    dKernels.addAll(ganHead.kernels());
    Operand<TFloat32> samples =
        generator.apply(
            ctx, GanParts.fixedNoise(ctx, 100, r.noiseDim()), new long[] {r.noiseDim()});
    Adversarial adversarial =
        new Adversarial(
            x,
            Optional.empty(),
            noiseBatch,
            gLoss,
            generator.trainableVariables(),
            body.updateOps(),
            generator.updateOps(),
            false,
            samples,
            Optional.empty());
    // the GAN phase feeds real images on the model input; validation is not used to select it
    Phase gan =
        new Phase(
            "gan",
            dLoss,
            dAccuracy,
            "d_acc",
            dVars,
            dKernels,
            Phase.PhaseData.ALL_TRAIN,
            realLoss,
            realCalledReal,
            false,
            Optional.of(adversarial),
            List.of());

    Map<String, Sequential> parts = new LinkedHashMap<>();
    parts.put("discriminator", body);
    parts.put("gan_head", ganHead);
    parts.put("generator", generator);
    BuiltModel.Generator gen = new BuiltModel.Generator(z, fake, r.noiseDim());
    if (!transfer) {
      return new BuiltModel(
          name(),
          spec,
          Task.GENERATE,
          ctx,
          x,
          y,
          tf.withName("real_probability").math.sigmoid(dReal),
          List.of(gan),
          parts,
          List.of("discriminator", "gan_head"),
          Optional.empty(),
          Optional.of(gen));
    }
    Sequential classifierHead = GanParts.denseHead(input.numClasses(), r.dropout());
    Operand<TFloat32> logits = classifierHead.apply(ctx, fReal, fShape);
    Phase classify =
        Heads.classifierPhase(
                tf, logits, y, freezeBody ? List.of(classifierHead) : List.of(classifierHead, body))
            .withUpdates(freezeBody ? List.of() : body.updateOps());
    parts.put("classifier_head", classifierHead);
    return new BuiltModel(
        name(),
        spec,
        Task.CLASSIFY,
        ctx,
        x,
        y,
        tf.withName("probabilities").nn.softmax(logits),
        List.of(gan, classify),
        parts,
        List.of("discriminator", "classifier_head"),
        Optional.empty(),
        Optional.of(gen));
  }
}
