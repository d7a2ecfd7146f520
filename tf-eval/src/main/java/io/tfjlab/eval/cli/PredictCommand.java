package io.tfjlab.eval.cli;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.eval.SavedModelPredictor;
import io.tfjlab.eval.metrics.ClassificationReport;
import io.tfjlab.eval.metrics.ConfusionMatrix;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code predict}: a SavedModel, loaded fresh, classifies a data set split; prints accuracy. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description =
        "Load a SavedModel (as TensorFlow Serving would) and print its accuracy on a data set split.")
public final class PredictCommand implements Callable<Integer> {
  @Option(
      names = "--saved-model",
      required = true,
      paramLabel = "DIR",
      description = "The SavedModel folder.")
  Path savedModel;

  @Option(
      names = "--dataset",
      defaultValue = "mnist",
      description = "Data set (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(
      names = "--split",
      defaultValue = "test",
      description = "train or test (default ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--batch-size",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Images per call (default ${DEFAULT-VALUE}). A model with minibatch discrimination compares the "
              + "images of a batch: give it the batch size it was trained with (the sgan's: 100).")
  int batchSize;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data set cache root.")
  Path dataDir;

  @Override
  public Integer call() {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("--batch-size must be > 0, got " + batchSize);
    }
    if (!split.equals("test") && !split.equals("train")) {
      throw new IllegalArgumentException("--split must be train or test, got " + split);
    }
    Dataset ds =
        Guice.createInjector(
                new DataModule(
                    new DataModule.DataOptions(
                        java.util.Optional.ofNullable(dataDir), java.util.Optional.empty())))
            .getInstance(DatasetCatalog.class)
            .load(dataset);
    ImageSet set = split.equals("test") ? ds.test() : ds.train();
    long t0 = System.nanoTime();
    try (SavedModelPredictor p = new SavedModelPredictor(savedModel)) {
      long[] predicted = p.predictClasses(set, batchSize);
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        if (predicted[i] == set.label(i)) {
          correct++;
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s %s: accuracy %.4f (%d/%d) with %s [%.1fs, %.0f images/s]%n",
          dataset,
          split,
          (double) correct / predicted.length,
          correct,
          predicted.length,
          savedModel,
          seconds,
          predicted.length / seconds);
      int[] actual = new int[predicted.length];
      int[] pred = new int[predicted.length];
      for (int i = 0; i < predicted.length; i++) {
        actual[i] = set.label(i);
        pred[i] = (int) predicted[i];
      }
      List<String> names = ds.classNames();
      ConfusionMatrix matrix = ConfusionMatrix.of(actual, pred, names.size());
      System.out.println();
      System.out.print(ClassificationReport.of(matrix, names).toText());
      System.out.println();
      System.out.print(ConfusionText.render(matrix, names));
    }
    return 0;
  }
}
