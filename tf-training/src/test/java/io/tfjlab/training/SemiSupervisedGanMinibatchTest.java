package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.batch.BatchOptions;
import io.tfjlab.data.batch.BatchStream;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.models.zoo.SganSpec;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.steps.AdversarialStep;
import io.tfjlab.training.testsupport.RecordingCallback;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A few steps of the semi-supervised GAN with minibatch discrimination and label smoothing on small
 * synthetic images (8x8, three classes, a bright band per class): the graph trains (the minibatch
 * projection T moves) and every loss stays finite. Also: evaluation batches have the training size.
 */
class SemiSupervisedGanMinibatchTest {
  static final int SIDE = 8;
  static final int CLASSES = 3;

  /** {@code n} images: class c has rows 3c..3c+1 bright, plus noise everywhere. */
  static ImageSet synthetic(int n, long seed) {
    Random r = new Random(seed);
    byte[] pixels = new byte[n * SIDE * SIDE];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = i % CLASSES;
      labels[i] = (byte) c;
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int v = r.nextInt(60) + (y / 3 == c ? 180 : 0);
          pixels[i * SIDE * SIDE + y * SIDE + x] = (byte) Math.min(255, v);
        }
      }
    }
    return new ImageSet(pixels, labels, new ImageShape(SIDE, SIDE, 1), CLASSES);
  }

  @Test
  void aFewStepsWithMinibatchDiscriminationAndSmoothingGiveFiniteLosses() {
    ImageSet set = synthetic(150, 1);
    int[] all = IntStream.range(30, 150).toArray();
    int[] labeled = IntStream.range(30, 60).toArray();
    int[] validation = IntStream.range(0, 30).toArray();
    ModelZoo zoo = Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    ModelSpec spec =
        ((SganSpec) ModelSpec.of("sgan")).withMinibatchKernels(100).withLabelSmoothing(0.1);
    RecordingCallback record = new RecordingCallback();
    try (Graph g = new Graph();
        BatchStream main = new BatchStream(set, all, BatchOptions.training(20, 1));
        BatchStream lab = new BatchStream(set, labeled, BatchOptions.training(20, 2));
        BatchStream match = new BatchStream(set, all, BatchOptions.training(20, 3));
        BatchStream val = new BatchStream(set, validation, BatchOptions.evaluation(20));
        BatchStream initBatch = new BatchStream(set, all, BatchOptions.evaluation(60))) {
      BuiltModel model =
          zoo.build(new ModelContext(g, 1), spec, InputSpec.images(SIDE, SIDE, 1, CLASSES));
      assertThat(((SganSpec) model.spec()).minibatchDims()).isEqualTo(5);
      TrainingGraph tg = new TrainingGraph(model, OptimizerSpec.adam(0.003, 0.5), 0);
      Operand<TFloat32> t = g.operation("minibatch/kernel").output(0);
      try (Session session =
          new Session(g, io.tfjlab.models.runtime.Placement.CPU.sessionConfig(1))) {
        session.initialize();
        BuiltModel.DataInit init = model.dataInit().orElseThrow();
        try (TBool training = TBool.scalarOf(true)) {
          session
              .runner()
              .feed(init.input(), initBatch.epoch(0).iterator().next().images())
              .feed(ModelContext.TRAINING, training)
              .addTarget(init.op())
              .run()
              .close();
        }
        Phase phase = model.finalPhase();
        phase.adversarial().orElseThrow().average().orElseThrow().reset(session);
        float[] before = values(session, t);
        new Trainer(tg, session, List.of(record), 1, 0.003, LearningRateSchedule.constant())
            .fitPhase(
                0,
                Trainer.PhaseData.of(main)
                    .with(AdversarialStep.LABELED, lab)
                    .with(AdversarialStep.MATCH, match),
                Optional.of(val),
                1,
                Optional.of(4),
                "val_acc",
                Optional.empty(),
                TrainerState.start());
        assertThat(values(session, t)).as("T is trained").isNotEqualTo(before);
      }
    }
    assertThat(record.losses()).hasSize(4).allSatisfy(l -> assertThat(l).isFinite());
    assertThat(record.epochs()).hasSize(1);
    for (String key : List.of("loss", "acc", "g_loss", "val_loss", "val_acc")) {
      assertThat(record.epochs().get(0).get(key)).as(key).isFinite();
    }
  }

  static float[] values(Session s, Operand<TFloat32> v) {
    try (Result r = s.runner().fetch(v).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] out = new float[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Test
  void offIsOneRecordedSpecHoweverItIsSaid() throws Exception {
    ModelZoo zoo = Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    // the run ledger matches runs by their recorded spec: absent and 0 are the same run
    String off =
        Json.MAPPER.writeValueAsString(
            zoo.resolve(
                ((SganSpec) ModelSpec.of("sgan")).withMinibatchKernels(0).withLabelSmoothing(0.0)));
    assertThat(off).isEqualTo(Json.MAPPER.writeValueAsString(zoo.resolve(ModelSpec.of("sgan"))));
    assertThat(Json.MAPPER.readTree(off))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"type\":\"sgan\",\"discriminator\":\"mlp\",\"labelSmoothing\":0.0,"
                    + "\"averageRate\":0.001,\"noiseDim\":100,\"generatorOutput\":\"sigmoid\","
                    + "\"minibatchKernels\":0,\"generator\":\"mlp\",\"consistency\":0.0}"));
    ModelSpec on =
        zoo.resolve(
            ((SganSpec) ModelSpec.of("sgan")).withMinibatchKernels(100).withLabelSmoothing(0.1));
    String json = Json.MAPPER.writeValueAsString(on);
    assertThat(json.replace(" ", ""))
        .contains("\"labelSmoothing\":0.1", "\"minibatchKernels\":100", "\"minibatchDims\":5")
        .doesNotContain("uses");
    assertThat(Json.MAPPER.readValue(json, ModelSpec.class)).isEqualTo(on);
  }

  @Test
  void evaluationBatchesHaveTheTrainingSizeWhenRowsAreCompared() {
    RunSpec plain = RunSpec.of(ModelSpec.of("sgan")).withBatchSize(100);
    assertThat(TrainingData.evaluationBatch(plain)).isEqualTo(1000);
    assertThat(
            TrainingData.evaluationBatch(
                plain.withModel(((SganSpec) ModelSpec.of("sgan")).withMinibatchKernels(100))))
        .isEqualTo(100);
  }
}
