package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.ActivationLayer;
import io.tfjlab.models.layers.BatchNorm;
import io.tfjlab.models.layers.Conv2D;
import io.tfjlab.models.layers.Conv2DTranspose;
import io.tfjlab.models.layers.DataInitLayer;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Dropout;
import io.tfjlab.models.layers.GaussianNoise;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.MinibatchDiscrimination;
import io.tfjlab.models.layers.Padding;
import io.tfjlab.models.layers.Reshape;
import io.tfjlab.models.layers.Sequential;
import io.tfjlab.models.layers.WeightNormConv2D;
import io.tfjlab.models.layers.WeightNormDense;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The networks and losses of the GANs: generators, discriminators, stable Salimans losses. */
public final class GanParts {
  /** Name of the placeholder for how many images a step generates. */
  public static final String NOISE_BATCH = "noise_batch";

  /** Name of the generator's noise input (fed for the export's generate signature). */
  public static final String NOISE = "noise";

  private GanParts() {}

  /**
   * The generator's noise: U(0,1)^dim drawn in the graph from the step seed, a placeholder with
   * that default so that an exported generator can be fed its own noise.
   */
  public static Operand<TFloat32> noise(ModelContext ctx, Operand<TInt32> batch, int dim) {
    Ops tf = ctx.tf();
    Operand<TInt32> shape =
        tf.concat(
            List.of(tf.reshape(batch, tf.constant(new int[] {1})), tf.constant(new int[] {dim})),
            tf.constant(0));
    Operand<TFloat32> drawn = tf.random.statelessRandomUniform(shape, ctx.opSeed(), TFloat32.class);
    return tf.withName(NOISE).placeholderWithDefault(drawn, Shape.of(-1, dim));
  }

  public static PlaceholderWithDefault<TInt32> noiseBatch(ModelContext ctx, int defaultBatch) {
    Ops tf = ctx.tf();
    return tf.withName(NOISE_BATCH)
        .placeholderWithDefault(tf.constant(defaultBatch), Shape.scalar());
  }

  /**
   * A fixed noise batch (seeded constant) for sample grids that show the same digits as training
   * goes.
   */
  public static Operand<TFloat32> fixedNoise(ModelContext ctx, int n, int dim) {
    Ops tf = ctx.tf();
    return tf.random.statelessRandomUniform(
        tf.constant(new long[] {n, dim}), tf.constant(new long[] {4242L, 7L}), TFloat32.class);
  }

  /**
   * DCGAN generator for 28x28x1: dense 7·7·128 → BN → ReLU → 5x5/2 transposed convs 64 → 1,
   * sigmoid.
   */
  public static Sequential dcganGenerator() {
    return upsamplingGenerator(7, 7, 128, 64, 5, 1, Activation.SIGMOID);
  }

  /**
   * The semi-supervised GAN's convolutional generator, light enough for two CPU cores: z → dense
   * (H/4)·(W/4)·64 → BN → ReLU → 4x4/2 transposed conv 32 → BN → ReLU → 4x4/2 transposed conv C →
   * {@code output}; for 28x28x1 about 2 M multiply-adds per image, a fifth of {@link
   * #dcganGenerator()}.
   */
  public static Sequential convGenerator(long[] imageShape, Activation output) {
    if (imageShape.length != 3 || imageShape[0] % 4 != 0 || imageShape[1] % 4 != 0) {
      throw new IllegalArgumentException(
          "the conv generator needs [height, width, channels] images with sides "
              + "divisible by 4, got "
              + java.util.Arrays.toString(imageShape)
              + "; use --generator mlp");
    }
    return upsamplingGenerator(
        imageShape[0] / 4, imageShape[1] / 4, 64, 32, 4, (int) imageShape[2], output);
  }

  /**
   * z → dense h·w·c → BN → ReLU → k×k/2 transposed conv {@code mid} → BN → ReLU → k×k/2 transposed
   * conv {@code out} → {@code output}: images of 4h × 4w × out.
   */
  private static Sequential upsamplingGenerator(
      long h, long w, int c, int mid, int k, int out, Activation output) {
    return Sequential.of(
        new Dense((int) (h * w * c), Activation.LINEAR),
        new BatchNorm(),
        new ActivationLayer(Activation.RELU),
        Reshape.to(h, w, c),
        new Conv2DTranspose(mid, k, 2, Padding.SAME, Activation.LINEAR, false),
        new BatchNorm(),
        new ActivationLayer(Activation.RELU),
        new Conv2DTranspose(out, k, 2, Padding.SAME, output, true));
  }

  /**
   * Seed 000's discriminator body: conv 3x3/2 32 → LeakyReLU → conv 3x3/2 64 → BN → LeakyReLU →
   * conv 3x3/2 128 → BN → LeakyReLU → flatten (2048).
   */
  public static Sequential dcganDiscriminatorBody() {
    return Sequential.of(
        new Conv2D(32, 3, 2, Padding.SAME, Activation.LINEAR),
        new ActivationLayer(Activation.LEAKY_RELU),
        new Conv2D(64, 3, 2, Padding.SAME, Activation.LINEAR),
        new BatchNorm(),
        new ActivationLayer(Activation.LEAKY_RELU),
        new Conv2D(128, 3, 2, Padding.SAME, Activation.LINEAR),
        new BatchNorm(),
        new ActivationLayer(Activation.LEAKY_RELU),
        Reshape.flatten());
  }

  /**
   * Salimans' generator: z → 500 BN softplus → 500 BN softplus → weight-normed 784 → {@code output}
   * (sigmoid in the reference; softplus avoids the saturation a public port reports).
   */
  public static Sequential salimansGenerator(long[] imageShape, Activation output) {
    long pixels = imageShape[0] * imageShape[1] * imageShape[2];
    return Sequential.of(
        new Dense(500, Activation.LINEAR),
        BatchNorm.batchStatisticsOnly(),
        new ActivationLayer(Activation.SOFTPLUS),
        new Dense(500, Activation.LINEAR),
        BatchNorm.batchStatisticsOnly(),
        new ActivationLayer(Activation.SOFTPLUS),
        // directions N(0, 0.1) as the discriminator's (the reference's Lasagne layer has Glorot
        // scale,
        // about 0.04: together with ε under the square root it trained worse here, docs/RESULTS.md)
        new WeightNormDense((int) pixels, output, true),
        Reshape.to(imageShape));
  }

  /**
   * Salimans' permutation-invariant discriminator body: noise 0.3 → WN 1000 → noise 0.5 → 500 → 250
   * → 250 → 250 (ReLU, noise 0.5 between); its last layer is the feature-matching layer.
   */
  public static Sequential salimansDiscriminatorBody() {
    List<Layer> l = new ArrayList<>();
    l.add(Reshape.flatten());
    l.add(new GaussianNoise(0.3));
    int[] sizes = {1000, 500, 250, 250, 250};
    for (int i = 0; i < sizes.length; i++) {
      if (i > 0) {
        l.add(new GaussianNoise(0.5));
      }
      l.add(new WeightNormDense(sizes[i], Activation.RELU, false));
    }
    return new Sequential(l);
  }

  /** Salimans' head: noise 0.5 → weight-normed dense K (trained scale), linear logits. */
  public static Sequential salimansDiscriminatorHead(int classes) {
    return Sequential.of(
        new GaussianNoise(0.5), new WeightNormDense(classes, Activation.LINEAR, true));
  }

  /**
   * Salimans' head with minibatch discrimination right before the classifier layer, where the
   * reference code puts it: noise 0.5 → minibatch discrimination (B kernels of C dims) →
   * weight-normed dense K. With {@code minibatch} empty it is {@link
   * #salimansDiscriminatorHead(int)}.
   */
  public static Sequential salimansDiscriminatorHead(
      int classes, Optional<MinibatchDiscrimination> minibatch) {
    return withMinibatch(salimansDiscriminatorHead(classes), minibatch);
  }

  /**
   * The convolutional semi-supervised discriminator body: seed 000's discriminator shape with the
   * reference recipe's weight normalisation and noise, topped by a dense feature layer as the
   * reference MLP's: noise 0.3 → weight-normed conv 3x3/2 32 → noise 0.5 → conv 3x3/2 64 → noise
   * 0.5 → conv 3x3/2 128 (LeakyReLU 0.2) → flatten 2048 → noise 0.5 → weight-normed dense 250
   * (ReLU), the feature-matching layer; data-dependent initialisation throughout. Matching the
   * flattened conv maps instead, and a dropout + dense head on them, let the discriminator memorise
   * the 100 labels with validation accuracy stuck near 80% (docs/RESULTS.md).
   */
  public static Sequential cnnDiscriminatorBody() {
    return Sequential.of(
        new GaussianNoise(0.3),
        new WeightNormConv2D(32, 3, 2, Padding.SAME, Activation.LEAKY_RELU),
        new GaussianNoise(0.5),
        new WeightNormConv2D(64, 3, 2, Padding.SAME, Activation.LEAKY_RELU),
        new GaussianNoise(0.5),
        new WeightNormConv2D(128, 3, 2, Padding.SAME, Activation.LEAKY_RELU),
        Reshape.flatten(),
        new GaussianNoise(0.5),
        new WeightNormDense(250, Activation.RELU, false));
  }

  /** {@code head} with {@code minibatch}, if any, inserted before its last (classifier) layer. */
  private static Sequential withMinibatch(
      Sequential head, Optional<MinibatchDiscrimination> minibatch) {
    if (minibatch.isEmpty()) {
      return head;
    }
    List<Layer> layers = new ArrayList<>(head.layers());
    layers.add(layers.size() - 1, minibatch.get());
    return new Sequential(layers);
  }

  /** Dropout then a dense K-way head (seed 000's transfer head). */
  public static Sequential denseHead(int classes, double dropout) {
    return Sequential.of(new Dropout(dropout), new Dense(classes, Activation.LINEAR));
  }

  /**
   * Runs the data-dependent initialisation path of a network: weight-normed layers set their scale
   * and bias from this batch; the others apply as in inference.
   */
  public static Operand<TFloat32> initPath(
      ModelContext ctx, Sequential net, Operand<TFloat32> x, long[] shape, List<Op> assigns) {
    Operand<TFloat32> h = x;
    long[] s = shape;
    for (Layer layer : net.layers()) {
      h =
          layer instanceof DataInitLayer di
              ? di.initApply(ctx, h, s, assigns)
              : layer.apply(ctx, h, s);
      s = layer.outputShape(s);
    }
    return h;
  }

  /** log Σ exp(l) over the class axis, stable: max + log Σ exp(l − max). */
  public static Operand<TFloat32> logSumExp(Ops tf, Operand<TFloat32> logits) {
    Operand<TFloat32> m = tf.stopGradient(tf.max(logits, tf.constant(1), Max.keepDims(true)));
    Operand<TFloat32> s = tf.reduceSum(tf.math.exp(tf.math.sub(logits, m)), tf.constant(1));
    return tf.math.add(tf.reshape(m, tf.constant(new int[] {-1})), tf.math.log(s));
  }

  /**
   * The semi-supervised discriminator's unlabeled real/fake loss, from the K class logits of real
   * unlabeled rows and of generated rows, in Salimans' stable form (lse = log Σ exp(l), D =
   * Z/(Z+1)): {@code ½·mean(softplus(lse_real)) − ½·mean(lse_real) + ½·mean(softplus(lse_fake))},
   * that is ½·[−log D(x)] + ½·[−log(1 − D(G(z)))]. With one-sided label smoothing α the real term
   * becomes −(1−α)·log D(x) − α·log(1 − D(x)); as log D = lse − softplus(lse) and log(1 − D) =
   * −softplus(lse), that is softplus(lse) − (1−α)·lse, so only the mean lse of the real rows gets
   * the factor 1−α. At α = 0 this builds exactly the ops of the unsmoothed loss (no multiplication
   * by 1).
   */
  public static Operand<TFloat32> unlabeledLoss(
      Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits, double smoothing) {
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + smoothing);
    }
    Operand<TFloat32> lseReal = logSumExp(tf, realLogits);
    Operand<TFloat32> lseFake = logSumExp(tf, fakeLogits);
    Operand<TFloat32> half = tf.constant(0.5f);
    Operand<TFloat32> softplusReal = mean(tf, tf.math.softplus(lseReal));
    Operand<TFloat32> meanLseReal = mean(tf, lseReal);
    Operand<TFloat32> realTerm =
        smoothing == 0
            ? tf.math.sub(softplusReal, meanLseReal)
            : tf.math.sub(
                softplusReal, tf.math.mul(tf.constant((float) (1 - smoothing)), meanLseReal));
    return tf.math.add(
        tf.math.mul(half, realTerm), tf.math.mul(half, mean(tf, tf.math.softplus(lseFake))));
  }

  /**
   * The consistency term between two passes of the same images: the mean over the batch of the
   * squared distance between the two class softmaxes, {@code mean_i Σ_k (p_ik − q_ik)²}.
   */
  public static Operand<TFloat32> consistency(
      Ops tf, Operand<TFloat32> logitsA, Operand<TFloat32> logitsB) {
    Operand<TFloat32> d = tf.math.sub(tf.nn.softmax(logitsA), tf.nn.softmax(logitsB));
    return mean(tf, tf.reduceSum(tf.math.square(d), tf.constant(1)));
  }

  /** Mean over the batch of a vector. */
  public static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> v) {
    return tf.math.mean(v, tf.constant(0));
  }
}
