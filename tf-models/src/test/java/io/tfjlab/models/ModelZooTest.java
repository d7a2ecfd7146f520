package io.tfjlab.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.MlpSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.SganSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class ModelZooTest {
  final ModelZoo zoo = Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
  static final InputSpec MNIST = InputSpec.images(28, 28, 1, 10);

  @ParameterizedTest
  @CsvSource({
    "linear,, 7850, 0",
    "mlp,, 141910, 0",
    "mlp, seed002, 109386, 0",
    "cnn,, 1190346, 0",
    "ae-classifier,, 405018, 0",
  })
  void parameterCountsMatchTheSeedReports(
      String type, String preset, long trainable, long nonTrainable) {
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), ModelSpec.of(type, preset), MNIST);
      assertThat(ModelSummary.trainable(m)).isEqualTo(trainable);
      assertThat(ModelSummary.nonTrainable(m)).isEqualTo(nonTrainable);
    }
  }

  @Test
  void theDcganDiscriminatorsClassifierFormHasSeed000sParameterCount() {
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), ModelSpec.of("dcgan-transfer"), MNIST);
      assertThat(ModelSummary.render(m))
          .contains(
              "Classifier (discriminator + classifier_head): 113,930 params, 113,546 trainable, 384 non-trainable");
      assertThat(m.phases()).extracting(p -> p.name()).containsExactly("gan", "classifier");
      assertThat(m.phases().get(0).adversarial()).isPresent();
    }
  }

  @Test
  void theSemiSupervisedGanHasSalimansNetworks() {
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), ModelSpec.of("sgan"), MNIST);
      String s = ModelSummary.render(m);
      // 784-1000-500-250-250-250-10 weight-normalised discriminator; 100-500-500-784 generator
      assertThat(s)
          .contains(
              "wn_dense (WeightNormDense)", "(None, 1000)", "(None, 250)", "(None, 28, 28, 1)");
      assertThat(m.dataInit()).isPresent();
      assertThat(m.phases().get(0).adversarial().orElseThrow().average()).isPresent();
      assertThat(((SganSpec) m.spec()).discriminator()).isEqualTo("mlp");
      assertThat(((SganSpec) m.spec()).generator()).isEqualTo("mlp");
    }
    try (Graph g = new Graph()) {
      BuiltModel cnn =
          zoo.build(
              new ModelContext(g, 1),
              ((SganSpec) ModelSpec.of("sgan")).withDiscriminator("cnn"),
              MNIST);
      // seed 000's discriminator shape, weight-normalised, data-initialised, a dense 250 feature
      // layer;
      // the convolutional generator by default
      assertThat(ModelSummary.render(cnn))
          .contains(
              "wn_conv2d (WeightNormConv2D)",
              "(None, 14, 14, 32)",
              "(None, 4, 4, 128)",
              "(None, 2048)",
              "(None, 250)",
              "Classifier (discriminator + classifier_head): 607,916 params",
              "conv2d_transpose (Conv2DTranspose)",
              "(None, 7, 7, 64)");
      assertThat(cnn.dataInit()).isPresent();
      assertThat(((SganSpec) cnn.spec()).generator()).isEqualTo("conv");
    }
  }

  @Test
  void summaryLooksLikeKeras() {
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 1), ModelSpec.of("cnn"), MNIST);
      String s = ModelSummary.render(m);
      assertThat(s)
          .contains(
              "conv2d (Conv2D)",
              "(None, 24, 24, 64)",
              "1,664",
              "max_pooling2d (MaxPooling2D)",
              "(None, 12, 12, 64)",
              "flatten (Flatten)",
              "(None, 9216)",
              "dense_2 (Dense)",
              "(None, 10)",
              "Total params: 1,190,346");
    }
  }

  @ParameterizedTest
  @CsvSource({"linear", "mlp", "cnn", "autoencoder", "ae-classifier", "perceptron"})
  void everyImageModelComputesItsOutputAndLoss(String type) {
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, 7), ModelSpec.of(type), MNIST);
      float[] x = new float[4 * 784];
      float[] y = new float[4 * 10];
      Random r = new Random(1);
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextFloat();
      }
      for (int i = 0; i < 4; i++) {
        y[i * 10 + i] = 1;
      }
      try (Session s = new Session(g);
          TFloat32 xt = TFloat32.tensorOf(Shape.of(4, 28, 28, 1), DataBuffers.of(x, true, false));
          TFloat32 yt = TFloat32.tensorOf(Shape.of(4, 10), DataBuffers.of(y, true, false));
          Result res =
              s.runner()
                  .feed(m.input(), xt)
                  .feed(m.target(), yt)
                  .fetch(m.output())
                  .fetch(m.finalPhase().loss())
                  .run()) {
        TFloat32 out = (TFloat32) res.get(0);
        float loss = ((TFloat32) res.get(1)).getFloat();
        assertThat(loss).isFinite().isPositive();
        assertThat(out.shape().get(0)).isEqualTo(4);
        if (type.equals("linear")
            || type.equals("mlp")
            || type.equals("cnn")
            || type.equals("ae-classifier")) {
          float sum = 0;
          for (int c = 0; c < 10; c++) {
            sum += out.getFloat(0, c);
          }
          assertThat(sum).isCloseTo(1f, within(1e-4f));
        }
      }
    }
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    float[] a = firstKernel(5);
    assertThat(a).isEqualTo(firstKernel(5));
    assertThat(a).isNotEqualTo(firstKernel(6));
  }

  float[] firstKernel(long seed) {
    try (Graph g = new Graph()) {
      BuiltModel m = zoo.build(new ModelContext(g, seed), ModelSpec.of("linear"), MNIST);
      try (Session s = new Session(g)) {
        s.initialize();
        try (Result r = s.runner().fetch(m.allVariables().get(0)).run()) {
          float[] out = new float[7840];
          ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
          return out;
        }
      }
    }
  }

  @Test
  void theDcganRefusesImagesItsGeneratorCannotDrawInOneLine() {
    InputSpec photos = InputSpec.images(64, 64, 3, 2);
    for (String type : List.of("dcgan", "dcgan-transfer")) {
      assertThatThrownBy(() -> zoo.validate(ModelSpec.of(type), photos))
          .hasMessage(
              type
                  + " expects 28x28x1 images (seed 000's generator draws MNIST-sized digits), this"
                  + " data set has 64x64x3; use --image-size 28x28 --color grey, or a model that"
                  + " takes any size (cnn, mlp, sgan, layers)");
      zoo.validate(ModelSpec.of(type), MNIST);
    }
  }

  @Test
  void unknownModelsAndBadOptionsAreNamed() {
    assertThatThrownBy(() -> zoo.factory("resnet"))
        .hasMessageContaining("unknown model 'resnet'")
        .hasMessageContaining("cnn");
    assertThatThrownBy(() -> ((MlpSpec) ModelSpec.of("mlp")).withDropout(1.5))
        .hasMessageContaining("model.dropout");
    assertThatThrownBy(() -> zoo.resolve(ModelSpec.of("mlp", "x"))).hasMessageContaining("seed002");
    assertThat(((MlpSpec) zoo.resolve(ModelSpec.of("mlp"))).hidden()).isEqualTo(List.of(150, 150));
  }
}
