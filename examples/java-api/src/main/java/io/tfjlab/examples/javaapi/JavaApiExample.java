package io.tfjlab.examples.javaapi;

import io.tfjlab.api.Evaluation;
import io.tfjlab.api.Experiment;
import io.tfjlab.api.ExportedModel;
import io.tfjlab.api.Images;
import io.tfjlab.api.Predictions;
import io.tfjlab.api.TrainedRun;
import io.tfjlab.data.Dataset;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * tfjlab from a Java program: train a network defined here on MNIST for a few batches, evaluate it,
 * export a SavedModel, then reopen the run and predict a few PNG files with both. Argument: the
 * working folder (default {@code target/example}).
 */
public final class JavaApiExample {
  private JavaApiExample() {}

  public static void main(String[] args) throws IOException {
    Path work = Path.of(args.length > 0 ? args[0] : "target/example");

    // 1. train: a new run folder under work/runs, as ./tfjlab train would write it
    Experiment experiment = Experiment.builder()
        .network(new SmallCnn())
        .dataset("mnist")          // fetched, verified and cached on first use
        .epochs(3)
        .limitBatches(50)          // 50 batches of 64 per epoch: a quick run, not a tuned model
        .batchSize(64)
        .seed(1)
        .runsDir(work.resolve("runs"))
        .build();
    Path runDir;
    Path savedModel;
    try (TrainedRun run = experiment.fit()) {
      System.out.printf(Locale.ROOT, "%s: test accuracy %.4f, validation accuracy per epoch %s%n", run.name(),
          run.testAccuracy(), Arrays.toString(run.history().lastPhase().valMetric()));
      Evaluation evaluation = run.evaluate(); // the checkpoint reloaded, the test set read again
      System.out.print(evaluation.toText());
      savedModel = run.export(work.resolve("saved_model"));
      runDir = run.dir();
      if (Math.abs(evaluation.accuracy() - run.testAccuracy()) > 1e-6 || run.testAccuracy() < 0.5) {
        throw new IllegalStateException("evaluate() gave " + evaluation.accuracy() + ", fit() " + run.testAccuracy());
      }
    }

    // 2. a few images as files: six MNIST test digits, and a 7 drawn dark on light at 56x56 in colour
    Dataset mnist = experiment.data();
    int[] picks = {0, 1, 2, 3, 4, 5};
    Images digits = Images.of(mnist.test(), picks);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < picks.length; i++) {
      files.add(digits.savePng(i, work.resolve("digits/test-" + picks[i] + ".png")));
    }
    Path drawn = drawSeven(work.resolve("digits/drawn-7.png"));

    // 3. reopen the run as a later program would, load the SavedModel as TensorFlow Serving would,
    //    and predict the files: decoded, resized, made grey and scaled in eager mode (Images.load)
    try (TrainedRun again = TrainedRun.open(runDir, new SmallCnn());
        ExportedModel served = ExportedModel.load(savedModel, again.classNames())) {
      Images images = Images.load(again.imageShape(), files);
      Predictions fromRun = again.predict(images);
      Predictions fromSavedModel = served.predict(images);
      System.out.println("file                 label  run (p)        SavedModel (p)");
      for (int i = 0; i < images.size(); i++) {
        System.out.printf(Locale.ROOT, "%-20s %5d  %s (%.3f)      %s (%.3f)%n", files.get(i).getFileName(),
            mnist.test().label(picks[i]), fromRun.labelOf(i), fromRun.confidence(i), fromSavedModel.labelOf(i),
            fromSavedModel.confidence(i));
      }
      // RGB 56x56, dark on light: resized to 28x28, made grey, then inverted (MNIST digits are light on dark)
      Predictions seven = again.predict(Images.load(again.imageShape(), drawn).inverted());
      System.out.printf(Locale.ROOT, "%-20s %5d  %s (%.3f)%n", drawn.getFileName(), 7, seven.labelOf(0),
          seven.confidence(0));
      if (!Arrays.equals(fromRun.classes(), fromSavedModel.classes())
          || !Arrays.equals(fromRun.classes(), again.predict(digits).classes())) {
        throw new IllegalStateException("the run, the SavedModel and the in-memory images disagree");
      }
      System.out.println("The reopened run and the SavedModel predict the same classes.");
    }
  }

  /** A 7 in two dark strokes on a light background, RGB 56x56: resized to 28x28 and made grey when loaded. */
  private static Path drawSeven(Path file) throws IOException {
    BufferedImage img = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(250, 250, 245));
    g.fillRect(0, 0, 56, 56);
    g.setColor(new Color(20, 20, 60));
    g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawLine(17, 14, 39, 14);
    g.drawLine(39, 14, 25, 44);
    g.dispose();
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
    return file;
  }
}
