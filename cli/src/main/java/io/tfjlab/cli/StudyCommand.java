package io.tfjlab.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.eval.studies.ReconstructionStudy;
import io.tfjlab.training.TrainingModule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code study reconstruction}: seed 002's autoencoder study (MSE vs BCE, t-SNE maps). */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Studies of the seed reports.",
    subcommands = {StudyCommand.Reconstruction.class})
public final class StudyCommand {

  @Command(
      name = "reconstruction",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Seed 002: autoencoders with several code sizes, each trained with MSE and with BCE; per-image "
            + "reconstruction error table, Wilcoxon signed-rank test BCE vs MSE, image strips, t-SNE maps of images, "
            + "codes and reconstructions. Writes reports/<name>/study.md, study.json and figures/.",
        "Example: ./tfjlab study reconstruction"
      })
  static final class Reconstruction implements Callable<Integer> {
    @Option(
        names = "--dataset",
        defaultValue = "fashion-mnist",
        description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(
        names = "--code-sizes",
        split = ",",
        defaultValue = "400,256,100,64,16",
        description = "Code sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> codeSizes;

    @Option(
        names = "--epochs",
        defaultValue = "10",
        description = "Autoencoder epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
        names = "--embedding-points",
        defaultValue = "3000",
        description = "Test images in the t-SNE maps (default: ${DEFAULT-VALUE}).")
    int embeddingPoints;

    @Option(
        names = "--embedding-code",
        defaultValue = "64",
        description =
            "Code size of the BCE autoencoder whose codes are mapped (default: ${DEFAULT-VALUE}).")
    int embeddingCode;

    @Option(
        names = "--limit-batches",
        description = "At most N training batches per epoch (a quick check).")
    Integer limitBatches;

    @Mixin ReportOptions where = new ReportOptions();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
      ReconstructionStudy.Options options =
          new ReconstructionStudy.Options(
              dataset, codeSizes, epochs, embeddingPoints, embeddingCode, limitBatches);
      Path report = where.reportDir("reconstruction");
      Injector injector =
          Guice.createInjector(
              new TrainingModule(
                  where.data(),
                  io.tfjlab.models.runtime.DeviceSelection.placementOf(
                      commandSpec.root().userObject())));
      ReconstructionStudy.Result r =
          new ReconstructionStudy(injector, where.runsDir, System.out)
              .run(options, report, "tfjlab study reconstruction");
      System.out.println();
      System.out.print(ReconstructionStudyText.table(r));
      System.out.println(
          "Report: "
              + report.resolve("study.md")
              + ", "
              + report.resolve("study.json")
              + ", figures in "
              + report.resolve("figures"));
      return 0;
    }
  }
}
