package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Reshape;
import io.tfjlab.models.layers.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Dense autoencoder (seeds 000, 002): flatten → Dense(code, ReLU) → Dense(pixels) → sigmoid,
 * trained on every training image with an MSE or BCE reconstruction loss. As {@code ae-classifier}
 * (seed 000's baseline) a second phase trains a softmax classifier on the frozen codes of the
 * labeled images.
 */
public final class AutoencoderModel implements ModelFactory {
  private final boolean withClassifier;

  private AutoencoderModel(boolean withClassifier) {
    this.withClassifier = withClassifier;
  }

  /** Name of the graph op holding the codes (the encoder's output), for embedding studies. */
  public static final String CODE = "code";

  public static AutoencoderModel autoencoder() {
    return new AutoencoderModel(false);
  }

  public static AutoencoderModel withClassifier() {
    return new AutoencoderModel(true);
  }

  @Override
  public String name() {
    return withClassifier ? "ae-classifier" : "autoencoder";
  }

  @Override
  public String description() {
    return withClassifier
        ? "autoencoder on all images, then a softmax classifier on its codes of the labeled ones (seed 000)"
        : "dense autoencoder, code size 400/256/100/64/16, MSE or BCE loss (seed 002)";
  }

  @Override
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    // defaults: families/autoencoder.json, families/ae-classifier.json
    AutoencoderOptions r =
        withClassifier
            ? SpecChecks.as(spec, AeClassifierSpec.class)
            : SpecChecks.as(spec, AutoencoderSpec.class);
    boolean freezeBody = withClassifier && ((AeClassifierSpec) r).freezeBody();
    Ops tf = ctx.tf();
    long pixels = Shapes.size(input.shape());
    Placeholder<TFloat32> x = Heads.input(ctx, input.shape());
    Placeholder<TFloat32> y = Heads.target(ctx, input.targetWidth());
    Sequential encoder = Sequential.of(Reshape.flatten(), new Dense(r.codeSize(), r.activation()));
    Sequential decoder = Sequential.of(new Dense((int) pixels, Activation.LINEAR));
    Operand<TFloat32> code = tf.withName(CODE).identity(encoder.apply(ctx, x, input.shape()));
    Operand<TFloat32> logits = decoder.apply(ctx, code, new long[] {r.codeSize()});
    Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, pixels}));
    Operand<TFloat32> recon = tf.math.sigmoid(logits);
    Operand<TFloat32> loss =
        r.reconstructionLoss().equals("bce")
            ? Heads.meanAll(tf, Heads.sigmoidCrossEntropy(tf, logits, flat), 2)
            : Heads.meanAll(tf, tf.math.squaredDifference(recon, flat), 2);
    Operand<TFloat32> mse = Heads.meanAll(tf, tf.math.squaredDifference(recon, flat), 2);
    List<Variable<TFloat32>> aeVars = new ArrayList<>(encoder.trainableVariables());
    aeVars.addAll(decoder.trainableVariables());
    List<Variable<TFloat32>> aeKernels = new ArrayList<>(encoder.kernels());
    aeKernels.addAll(decoder.kernels());
    Phase reconstruct =
        new Phase("autoencoder", loss, mse, "mse", aeVars, aeKernels, Phase.PhaseData.ALL_TRAIN);
    Map<String, Sequential> parts = new LinkedHashMap<>();
    parts.put("encoder", encoder);
    parts.put("decoder", decoder);
    Operand<TFloat32> reconstruction =
        tf.withName("reconstruction").reshape(recon, tf.constant(Shapes.withBatch(input.shape())));
    if (!withClassifier) {
      return new BuiltModel(
          name(), spec, Task.RECONSTRUCT, ctx, x, y, reconstruction, List.of(reconstruct), parts);
    }
    Sequential head = Sequential.of(new Dense(input.numClasses(), Activation.LINEAR));
    // frozen (seed 000): a classifier on the codes; otherwise the encoder is fine-tuned with it
    Operand<TFloat32> classLogits =
        head.apply(ctx, freezeBody ? tf.stopGradient(code) : code, new long[] {r.codeSize()});
    parts.put("classifier", head);
    Phase classify =
        Heads.classifierPhase(
            tf, classLogits, y, freezeBody ? List.of(head) : List.of(head, encoder));
    Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(classLogits);
    // the classifier is the encoder and its head; the decoder only serves the pre-training
    return new BuiltModel(
        name(),
        spec,
        Task.CLASSIFY,
        ctx,
        x,
        y,
        probabilities,
        List.of(reconstruct, classify),
        parts,
        List.of("encoder", "classifier"),
        java.util.Optional.empty(),
        java.util.Optional.empty());
  }
}
