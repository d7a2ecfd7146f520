package io.tfjlab.notebooks;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Synthetic run and report folders, as tfjlab writes them. */
final class Fixtures {
  private Fixtures() {}

  static Path png(Path file, Color color) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 6; y++) {
        image.setRGB(x, y, (x + y) % 2 == 0 ? color.getRGB() : Color.WHITE.getRGB());
      }
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
    return file;
  }

  static String manifest(String run, String status) {
    return """
        {"run":"%s","status":"%s",
         "spec":{"model":{"type":"cnn","preset":"seed003","dropout":0.5},"dataset":"mnist","labels":100,
                 "validation":0.1,"epochs":3,"batchSize":32,
                 "optimizer":{"name":"adam","learningRate":0.001},"seed":1,"labelSeed":7,"splitSeed":1,"monitor":"val_loss"},
         "versions":{"tfjlab":"0.1.0-SNAPSHOT","tensorflow":"2.18.0","tensorflow-java":"1.1.0","java":"17","os":"Linux","cores":"2"},
         "data":{"dataset":"mnist","checksums":{"t10k-images-idx3-ubyte":"0fa7898d","t10k-labels-idx1-ubyte":"ff7bcfd4"},
                 "trainImages":54000,"validationImages":6000,"labeledImages":100,"labeledDigest":"178a54b7"},
         "host":"vm","started":"2026-11-22T00:55:14Z","finished":"2026-11-22T00:58:00Z",
         "phaseSeconds":{"classifier":152.5},
         "command":"tfjlab train --model cnn --labels 100 --epochs 3"}
        """.formatted(run, status);
  }

  /** A finished run with history (incl. an unknown column), results, evaluation, summary, figures, samples. */
  static Path finishedRun(Path runsDir, String name, double testMetric) throws IOException {
    Path run = runsDir.resolve(name);
    Files.createDirectories(run);
    Files.writeString(run.resolve("manifest.json"), manifest(name, "finished"));
    Files.writeString(run.resolve("history.csv"), """
        phase,epoch,loss,metric,metric_name,val_loss,val_metric,lr,seconds,g_loss
        classifier,1,0.191998,0.942685,acc,0.0709451,0.979000,0.00100000,28.9835,1.5
        classifier,2,0.0537372,0.983333,acc,0.0466163,0.986667,0.00100000,27.3517,1.25
        classifier,3,0.04,0.99,acc,0.05,0.985,0.00100000,27.0,
        """);
    Files.writeString(run.resolve("results.json"), """
        {"run":"%s","metricName":"acc","testLoss":0.61,"testMetric":%s,"testExamples":10000,
         "checkpoint":"best","bestEpoch":2,"trainSeconds":152.5}
        """.formatted(name, Double.toString(testMetric)));
    Files.writeString(run.resolve("evaluation.json"), """
        {"accuracy":0.98,"loss":0.05,"confusion":[[5,1],[0,4]],"classes":["0","1"],
         "perClass":[{"class":"0","precision":1.0,"recall":0.8333,"f1":0.9091,"support":6},
                     {"class":"1","precision":0.8,"recall":1.0,"f1":0.8889,"support":4}],"macroF1":0.899}
        """);
    Files.writeString(run.resolve("summary.txt"), "Layer (type) | Output shape\nconv2d (Conv2D)  (None, 28, 28, 32)\nTotal params: 1,190,346\n");
    png(run.resolve("figures/loss.png"), Color.RED);
    png(run.resolve("figures/accuracy-curve.png"), Color.BLUE);
    png(run.resolve("samples/epoch-001.png"), Color.GREEN);
    png(run.resolve("samples/epoch-002.png"), Color.BLACK);
    return run;
  }

  /** A run still training: manifest only, history with empty validation columns. */
  static Path runningRun(Path runsDir, String name) throws IOException {
    Path run = runsDir.resolve(name);
    Files.createDirectories(run);
    Files.writeString(run.resolve("manifest.json"), manifest(name, "running"));
    Files.writeString(run.resolve("history.csv"), """
        phase,epoch,loss,metric,metric_name,val_loss,val_metric,lr,seconds
        pretrain,1,0.5,0.8,acc,,,0.003,10.5
        """);
    return run;
  }

  static Path comparison(Path reportsDir, String name, Path... runs) throws IOException {
    Path report = reportsDir.resolve(name);
    Files.createDirectories(report);
    String rowA = """
        {"id":"cnn-aug-100","title":"CNN + augmentation","model":"cnn","labels":100,"runs":["%s"],
         "accuracy":{"mean":0.9415,"std":null,"n":1},"parameters":1190346,"trainSeconds":900.1,
         "seedReport":{"text":"85–88%%","source":"seed 000","accuracy":0.865},"reused":false}
        """.formatted(runs[0].toAbsolutePath());
    String rowB = """
        {"id":"mlp-100","title":"MLP | baseline","model":"mlp","labels":100,"runs":["%s","%s"],
         "accuracy":{"mean":0.75,"std":0.0123,"n":2},"parameters":669706,"trainSeconds":52.0,
         "seedReport":null,"reused":true}
        """.formatted(runs[1].toAbsolutePath(), runs[2].toAbsolutePath());
    Files.writeString(report.resolve("comparison.json"), """
        {"name":"%s","preset":"default","dataset":"mnist","created":"2026-11-22T03:00:00Z",
         "machine":{"host":"vm","cores":2,"java":"17","os":"Linux"},"command":"tfjlab compare",
         "rows":[%s,%s]}
        """.formatted(name, rowA, rowB));
    Files.writeString(report.resolve("comparison.md"), "| Model | Accuracy |\n");
    png(report.resolve("figures/accuracy.png"), Color.RED);
    png(report.resolve("figures/parameters.png"), Color.BLUE);
    return report;
  }
}
