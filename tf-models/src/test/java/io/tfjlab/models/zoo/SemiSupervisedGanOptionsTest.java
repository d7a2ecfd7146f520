package io.tfjlab.models.zoo;

import static io.tfjlab.models.layers.LayerTestSupport.ONE_THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import io.tfjlab.models.ModelSummary;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.MinibatchDiscrimination;
import io.tfjlab.models.layers.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The sgan's options: minibatch discrimination per part of the batch, one-sided label smoothing,
 * the consistency term.
 */
class SemiSupervisedGanOptionsTest {
  static final InputSpec MNIST = InputSpec.images(28, 28, 1, 10);
  final ModelZoo zoo = Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);

  static final float[][] REAL = {{0.5f, -1f, 2f, 0f}, {-2f, -1.5f, -3f, -1f}, {1f, 1f, 1f, 1f}};
  static final float[][] FAKE = {{-0.5f, 0.2f, -1f, 0.3f}, {2.5f, -2f, 0f, 1f}};

  // ---- label smoothing ----

  static double z(float[] logits) {
    double z = 0;
    for (float l : logits) {
      z += Math.exp(l);
    }
    return z;
  }

  /**
   * From the definition: D = Z/(Z+1), ½·mean[−(1−α)·log D − α·log(1−D)] + ½·mean[−log(1−D(fake))].
   */
  static double fromDefinition(double alpha) {
    double real = 0;
    for (float[] l : REAL) {
      double d = z(l) / (z(l) + 1);
      real += -(1 - alpha) * Math.log(d) - alpha * Math.log(1 - d);
    }
    double fake = 0;
    for (float[] l : FAKE) {
      fake += -Math.log(1 - z(l) / (z(l) + 1));
    }
    return 0.5 * real / REAL.length + 0.5 * fake / FAKE.length;
  }

  /**
   * The reference code's form: ½·mean(softplus(lse_r)) − ½·mean(lse_r) + ½·mean(softplus(lse_f)).
   */
  static double salimans() {
    double softplusReal = 0;
    double lseReal = 0;
    for (float[] l : REAL) {
      softplusReal += Math.log1p(z(l));
      lseReal += Math.log(z(l));
    }
    double softplusFake = 0;
    for (float[] l : FAKE) {
      softplusFake += Math.log1p(z(l));
    }
    return 0.5 * softplusReal / REAL.length
        - 0.5 * lseReal / REAL.length
        + 0.5 * softplusFake / FAKE.length;
  }

  static float unlabeledLoss(double alpha) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> loss =
          GanParts.unlabeledLoss(tf, tf.constant(REAL), tf.constant(FAKE), alpha);
      try (Session s = new Session(g, ONE_THREAD);
          Result r = s.runner().fetch(loss).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }
  }

  @Test
  void smoothedUnlabeledLossEqualsItsDefinitionOnKnownLogits() {
    assertThat(unlabeledLoss(0.2)).isCloseTo((float) fromDefinition(0.2), within(1e-5f));
    assertThat(unlabeledLoss(0.1)).isCloseTo((float) fromDefinition(0.1), within(1e-5f));
    // smoothing only moves the real rows' mean lse: L(α) = L(0) + ½·α·mean(lse_real)
    assertThat(fromDefinition(0.2) - fromDefinition(0)).isGreaterThan(0.01);
  }

  @Test
  void unsmoothedUnlabeledLossIsTheReferenceForm() {
    assertThat(fromDefinition(0)).isCloseTo(salimans(), within(1e-12));
    assertThat(unlabeledLoss(0)).isCloseTo((float) salimans(), within(1e-5f));
    assertThat(unlabeledLoss(1e-7)).isCloseTo(unlabeledLoss(0), within(1e-5f));
    assertThatThrownBy(() -> unlabeledLoss(1)).hasMessageContaining("label smoothing");
  }

  // ---- minibatch discrimination, per part ----

  static TFloat32 tensor(float[] data, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data.clone(), true, false));
  }

  static float[] values(org.tensorflow.Tensor t) {
    float[] out = new float[(int) t.shape().size()];
    ((TFloat32) t).copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  static float[] random(long seed, int n) {
    Random r = new Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextFloat();
    }
    return out;
  }

  @Test
  void eachPartsMinibatchFeaturesDependOnItsOwnRowsOnly() {
    int a = 4;
    int nLab = 3;
    int nUnl = 4;
    int nFake = 5;
    try (Graph g = new Graph()) {
      ModelContext ctx = new ModelContext(g, 1);
      Ops tf = ctx.tf();
      Sequential head = Sequential.of(new MinibatchDiscrimination(3, 2));
      Placeholder<TFloat32> f = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, a)));
      Placeholder<TFloat32> unlAlone =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, a)));
      List<Operand<TFloat32>> parts =
          SemiSupervisedGanModel.headPerPart(
              ctx, head, f, new long[] {a}, tf.constant(nLab), tf.constant(nUnl));
      Operand<TFloat32> alone = head.apply(ctx, unlAlone, new long[] {a});
      float[] rows = random(1, (nLab + nUnl + nFake) * a);
      float[] otherFake = rows.clone();
      float[] fakeRows = random(2, nFake * a);
      System.arraycopy(fakeRows, 0, otherFake, (nLab + nUnl) * a, nFake * a);
      float[] unlRows = Arrays.copyOfRange(rows, nLab * a, (nLab + nUnl) * a);
      try (Session s = new Session(g, ONE_THREAD)) {
        s.initialize();
        List<float[]> first = runParts(s, f, rows, parts);
        List<float[]> second = runParts(s, f, otherFake, parts);
        assertThat(first.get(0)).hasSize(nLab * (a + 3));
        assertThat(first.get(1)).hasSize(nUnl * (a + 3));
        assertThat(first.get(2)).hasSize(nFake * (a + 3));
        // new generated rows: the labeled and unlabeled rows' features do not move, the generated
        // ones do
        assertThat(second.get(0)).containsExactly(first.get(0));
        assertThat(second.get(1)).containsExactly(first.get(1));
        assertThat(second.get(2)).isNotEqualTo(first.get(2));
        // and the unlabeled part's features are those of the unlabeled rows on their own
        try (TFloat32 t = tensor(unlRows, nUnl, a);
            Result r = s.runner().feed(unlAlone, t).fetch(alone).run()) {
          float[] own = values(r.get(0));
          for (int i = 0; i < own.length; i++) {
            assertThat(first.get(1)[i]).isCloseTo(own[i], within(1e-6f));
          }
        }
      }
    }
  }

  static List<float[]> runParts(
      Session s, Placeholder<TFloat32> f, float[] rows, List<Operand<TFloat32>> parts) {
    try (TFloat32 t = tensor(rows, rows.length / 4, 4)) {
      Session.Runner r = s.runner().feed(f, t);
      parts.forEach(r::fetch);
      try (Result res = r.run()) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          out.add(values(res.get(i)));
        }
        return out;
      }
    }
  }

  @Test
  void inTheSganGeneratedImagesDoNotMoveTheLabeledOrUnlabeledLogits() {
    InputSpec small = InputSpec.images(8, 8, 1, 3);
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), sgan().withMinibatchKernels(20), small);
      float[] lab = random(3, 4 * 64);
      float[] unl = random(4, 5 * 64);
      try (Session s = new Session(g, ONE_THREAD)) {
        s.initialize();
        // evaluation mode (no noise): two different noise batches for the generator
        float[][] first = sganLogits(s, m, lab, unl, random(5, 6 * 100));
        float[][] second = sganLogits(s, m, lab, unl, random(6, 6 * 100));
        assertThat(second[0]).containsExactly(first[0]);
        assertThat(second[1]).containsExactly(first[1]);
        assertThat(second[2]).isNotEqualTo(first[2]);
        // the labeled part of the training path is the evaluation path on the labeled rows alone
        float[] probabilities = first[3];
        for (int i = 0; i < 4; i++) {
          double sum = 0;
          for (int k = 0; k < 3; k++) {
            sum += Math.exp(first[0][i * 3 + k]);
          }
          for (int k = 0; k < 3; k++) {
            assertThat(probabilities[i * 3 + k])
                .isCloseTo((float) (Math.exp(first[0][i * 3 + k]) / sum), within(1e-5f));
          }
        }
      }
    }
  }

  /**
   * labeled, unlabeled and generated logits of the training path, and the evaluation path's
   * probabilities.
   */
  static float[][] sganLogits(Session s, BuiltModel m, float[] lab, float[] unl, float[] noise) {
    Adversarial adv = m.finalPhase().adversarial().orElseThrow();
    try (TFloat32 xl = tensor(lab, lab.length / 64, 8, 8, 1);
        TFloat32 xu = tensor(unl, unl.length / 64, 8, 8, 1);
        TFloat32 z = tensor(noise, noise.length / 100, 100);
        Result r =
            s.runner()
                .feed(m.input(), xl)
                .feed(adv.unlabeled(), xu)
                .feed(GanParts.NOISE, z)
                .fetch("labeled_logits")
                .fetch("unlabeled_logits")
                .fetch("fake_logits")
                .fetch(m.output())
                .run()) {
      return new float[][] {values(r.get(0)), values(r.get(1)), values(r.get(2)), values(r.get(3))};
    }
  }

  @Test
  void minibatchDiscriminationAddsTAndTheWiderClassifierInput() {
    long base = trainable(sgan());
    long withIt = trainable(sgan().withMinibatchKernels(100));
    // T: 250 features x 100 kernels x 5 dims; the classifier layer's directions gain 100 x 10
    assertThat(withIt - base).isEqualTo(250L * 100 * 5 + 100 * 10);
    long cnnBase = trainable(sgan().withDiscriminator("cnn"));
    long cnnWith =
        trainable(sgan().withDiscriminator("cnn").withMinibatchKernels(50).withMinibatchDims(3));
    assertThat(cnnWith - cnnBase).isEqualTo(250L * 50 * 3 + 50 * 10);
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), sgan().withMinibatchKernels(100), MNIST);
      assertThat(ModelSummary.render(m))
          .contains("minibatch (MinibatchDiscrimination)", "(None, 350)", "125,000");
      // T is a discriminator variable: trained, averaged for evaluation
      assertThat(m.finalPhase().variables())
          .anyMatch(v -> v.op().name().equals("minibatch/kernel"));
      assertThat(m.finalPhase().adversarial().orElseThrow().average().orElseThrow().shadows())
          .anyMatch(v -> v.op().name().contains("minibatch_kernel"));
    }
  }

  @Test
  void theGeneratorFollowsTheDiscriminatorUnlessChosen() {
    // families/sgan.json: mlp by default, conv with the cnn discriminator, unless given
    assertThat(((SganSpec) zoo.resolve(sgan())).generator()).isEqualTo("mlp");
    assertThat(((SganSpec) zoo.resolve(sgan().withGenerator("conv"))).generator())
        .isEqualTo("conv");
    assertThat(((SganSpec) zoo.resolve(sgan().withDiscriminator("cnn"))).generator())
        .isEqualTo("conv");
    assertThat(
            ((SganSpec) zoo.resolve(sgan().withDiscriminator("cnn").withGenerator("mlp")))
                .generator())
        .isEqualTo("mlp");
    try (Graph g = new Graph()) {
      String s =
          ModelSummary.render(
              zoo.build(new ModelContext(g, 1), sgan().withGenerator("conv"), MNIST));
      // the MLP discriminator with the convolutional generator: dense 7x7x64, 14x14x32, 28x28x1
      assertThat(s)
          .contains("(None, 1000)", "(None, 3136)", "(None, 14, 14, 32)", "(None, 28, 28, 1)");
    }
    try (Graph g = new Graph()) {
      String s =
          ModelSummary.render(
              zoo.build(
                  new ModelContext(g, 1),
                  sgan().withDiscriminator("cnn").withGenerator("mlp"),
                  MNIST));
      assertThat(s).contains("(None, 4, 4, 128)", "(None, 500)").doesNotContain("Conv2DTranspose");
    }
    try (Graph g = new Graph()) {
      // 30 is not divisible by 4: one line that names the fix
      assertThatThrownBy(
              () ->
                  zoo.build(
                      new ModelContext(g, 1),
                      sgan().withGenerator("conv"),
                      InputSpec.images(30, 30, 1, 10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the conv generator needs [height, width, channels] images with sides divisible by 4, "
                  + "got [30, 30, 1]; use --generator mlp");
    }
    try (Graph g = new Graph()) {
      // colour images: the last transposed convolution makes 3 channels
      String s =
          ModelSummary.render(
              zoo.build(
                  new ModelContext(g, 1),
                  sgan().withGenerator("conv"),
                  InputSpec.images(32, 32, 3, 10)));
      assertThat(s).contains("(None, 8, 8, 64)", "(None, 32, 32, 3)");
    }
    assertThatThrownBy(() -> sgan().withGenerator("dcgan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model.generator must be mlp or conv, got dcgan");
  }

  private static SganSpec sgan() {
    return SganSpecBuilder.builder().build();
  }

  long trainable(ModelSpec spec) {
    try (Graph g = new Graph()) {
      return ModelSummary.trainable(zoo.build(new ModelContext(g, 1), spec, MNIST));
    }
  }

  @Test
  void theDataDependentInitialisationRunsThroughTheMinibatchLayer() {
    InputSpec small = InputSpec.images(8, 8, 1, 3);
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), sgan().withMinibatchKernels(20), small);
      BuiltModel.DataInit init = m.dataInit().orElseThrow();
      Operand<TFloat32> t = g.operation("minibatch/kernel").<TFloat32>output(0);
      try (Session s = new Session(g, ONE_THREAD)) {
        s.initialize();
        float[] before;
        try (Result r = s.runner().fetch(t).run()) {
          before = values(r.get(0));
        }
        try (TFloat32 x = tensor(random(7, 150 * 64), 150, 8, 8, 1)) {
          s.runner().feed(init.input(), x).addTarget(init.op()).run().close();
        }
        try (Result r = s.runner().fetch(t).run();
            TFloat32 x = tensor(random(8, 10 * 64), 10, 8, 8, 1);
            Result p = s.runner().feed(m.input(), x).fetch(m.output()).run()) {
          float[] after = values(r.get(0));
          assertThat(after).isNotEqualTo(before);
          // rescaled per kernel: the ratio is the same within a kernel's slice
          double ratio = (double) after[0] / before[0];
          assertThat((double) after[1] / before[1])
              .isCloseTo(ratio, within(1e-3 * Math.abs(ratio)));
          for (float v : values(p.get(0))) {
            assertThat(v).isFinite();
          }
        }
      }
    }
  }

  // ---- the spec ----

  @Test
  void offIsOneSpecAndOnFillsInTheReferenceDims() {
    SganSpec off = (SganSpec) zoo.resolve(sgan());
    assertThat(zoo.resolve(sgan().withMinibatchKernels(0).withLabelSmoothing(0.0))).isEqualTo(off);
    assertThat(off.minibatchKernels()).isZero();
    assertThat(off.minibatchDims()).isNull();
    assertThat(off.labelSmoothing()).isZero();
    SganSpec on = (SganSpec) zoo.resolve(sgan().withMinibatchKernels(100).withLabelSmoothing(0.1));
    assertThat(on.minibatchKernels()).isEqualTo(100);
    assertThat(on.minibatchDims()).isEqualTo(MinibatchDiscrimination.DEFAULT_DIMS).isEqualTo(5);
    assertThat(on.labelSmoothing()).isEqualTo(0.1);
    assertThat(on.usesMinibatchDiscrimination()).isTrue();
    assertThat(off.usesMinibatchDiscrimination()).isFalse();
    // dcgan keeps its own smoothing default
    assertThat(((DcganSpec) zoo.resolve(ModelSpec.of("dcgan"))).labelSmoothing()).isEqualTo(0.1);
  }

  @Test
  void badMinibatchOptionsAreNamedWithTheirRange() {
    assertThatThrownBy(() -> sgan().withMinibatchKernels(-1))
        .hasMessageContaining("model.minibatchKernels")
        .hasMessageContaining("[0, 1000]");
    assertThatThrownBy(() -> sgan().withMinibatchKernels(1001))
        .hasMessageContaining("model.minibatchKernels");
    assertThatThrownBy(() -> sgan().withMinibatchKernels(10).withMinibatchDims(0))
        .hasMessageContaining("model.minibatchDims")
        .hasMessageContaining("[1, 100]");
    assertThatThrownBy(() -> zoo.resolve(sgan().withMinibatchDims(5)))
        .hasMessageContaining("model.minibatchDims")
        .hasMessageContaining("minibatchKernels");
  }

  @Test
  void smoothingOrMinibatchOffBuildsTheSameGraphAsTheDefault() {
    assertThat(nodes(sgan().withMinibatchKernels(0).withLabelSmoothing(0.0)))
        .isEqualTo(nodes(sgan()));
    assertThat(nodes(sgan().withLabelSmoothing(0.1))).hasSize(nodes(sgan()).size() + 2);
  }

  // ---- the consistency term ----

  @Test
  void consistencyIsTheMeanSquaredDistanceOfTheTwoSoftmaxes() {
    float[][] a = {{1f, 0f, -1f}, {0f, 0f, 0f}};
    float[][] b = {{0f, 1f, -1f}, {0f, 0f, 0f}};
    double expected = 0;
    for (int i = 0; i < a.length; i++) {
      double za = 0;
      double zb = 0;
      for (int k = 0; k < 3; k++) {
        za += Math.exp(a[i][k]);
        zb += Math.exp(b[i][k]);
      }
      for (int k = 0; k < 3; k++) {
        double d = Math.exp(a[i][k]) / za - Math.exp(b[i][k]) / zb;
        expected += d * d;
      }
    }
    expected /= a.length;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> c = GanParts.consistency(tf, tf.constant(a), tf.constant(b));
      Operand<TFloat32> same = GanParts.consistency(tf, tf.constant(a), tf.constant(a));
      try (Session s = new Session(g, ONE_THREAD);
          Result r = s.runner().fetch(c).fetch(same).run()) {
        assertThat(((TFloat32) r.get(0)).getFloat()).isCloseTo((float) expected, within(1e-6f));
        assertThat(expected).isGreaterThan(0.1);
        assertThat(((TFloat32) r.get(1)).getFloat()).isZero();
      }
    }
  }

  @Test
  void theConsistencyTermAddsItsWeightedDistanceToTheDiscriminatorLoss() {
    InputSpec small = InputSpec.images(8, 8, 1, 3);
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), sgan().withConsistency(2.0), small);
      Adversarial adv = m.finalPhase().adversarial().orElseThrow();
      try (Session s = new Session(g, ONE_THREAD)) {
        s.initialize();
        float[] y = new float[4 * 3];
        for (int i = 0; i < 4; i++) {
          y[i * 3 + i % 3] = 1;
        }
        try (TFloat32 xl = tensor(random(3, 4 * 64), 4, 8, 8, 1);
            TFloat32 xu = tensor(random(4, 5 * 64), 5, 8, 8, 1);
            TFloat32 yl = tensor(y, 4, 3);
            org.tensorflow.types.TBool training = org.tensorflow.types.TBool.scalarOf(true);
            org.tensorflow.types.TInt32 nFake = org.tensorflow.types.TInt32.scalarOf(6);
            Result r =
                s.runner()
                    .feed(m.input(), xl)
                    .feed(m.target(), yl)
                    .feed(adv.unlabeled(), xu)
                    .feed(adv.noiseBatch(), nFake)
                    .feed(ModelContext.TRAINING, training)
                    .fetch("discriminator_loss")
                    .fetch("consistency_loss")
                    .fetch("unlabeled_logits")
                    .run()) {
          float total = ((TFloat32) r.get(0)).getFloat();
          float consistency = ((TFloat32) r.get(1)).getFloat();
          // in training mode the two passes draw other noise: the term is positive
          assertThat(consistency).isGreaterThan(0f);
          assertThat(total).isFinite().isGreaterThan(2 * consistency);
          // the unlabeled logits are the first pass's 5 rows, not the 6 generated ones
          assertThat(r.get(2).shape().asArray()).containsExactly(5, 3);
        }
      }
    }
  }

  @Test
  void consistencyOffBuildsTheDefaultGraphAndBadValuesAreNamed() {
    assertThat(nodes(sgan().withConsistency(0.0))).isEqualTo(nodes(sgan()));
    assertThat(((SganSpec) zoo.resolve(sgan())).consistency()).isZero();
    assertThat(nodes(sgan().withConsistency(0.1)).size()).isGreaterThan(nodes(sgan()).size());
    assertThatThrownBy(() -> sgan().withConsistency(-0.1))
        .hasMessageContaining("model.consistency must be in [0, 100.0]");
    assertThatThrownBy(() -> sgan().withConsistency(0.1).withMinibatchKernels(10))
        .hasMessageContaining("cannot be combined");
  }

  List<String> nodes(ModelSpec spec) {
    try (Graph g = new Graph()) {
      zoo.build(new ModelContext(g, 1), spec, MNIST);
      List<String> out = new ArrayList<>();
      g.toGraphDef()
          .getNodeList()
          .forEach(n -> out.add(n.getName() + " " + n.getOp() + " " + n.getInputList()));
      out.sort(null);
      return out;
    }
  }
}
