package io.tfjlab.cli;

import io.tfjlab.data.cli.CommandLines;
import io.tfjlab.data.cli.DataCommand;
import io.tfjlab.eval.cli.EvaluateCommand;
import io.tfjlab.eval.cli.PredictCommand;
import io.tfjlab.models.runtime.Device;
import io.tfjlab.models.runtime.DeviceCheck;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.training.cli.BenchCommand;
import io.tfjlab.training.cli.ExportCommand;
import io.tfjlab.training.cli.ModelsCommand;
import io.tfjlab.training.cli.SummaryCommand;
import io.tfjlab.training.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code tfjlab} command: every job of every module, one entry point. */
@Command(
    name = "tfjlab",
    mixinStandardHelpOptions = true,
    versionProvider = TfjlabCommand.Version.class,
    description =
        "Train, compare and ship image classifiers on TensorFlow Java, even from 100 labels.",
    subcommands = {
      DataCommand.class,
      ModelsCommand.class,
      SummaryCommand.class,
      EvaluateCommand.class,
      ExportCommand.class,
      PredictCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      StudyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class TfjlabCommand implements DeviceSelection {

  @Option(
      names = "--device",
      scope = ScopeType.INHERIT,
      paramLabel = "cpu|gpu",
      defaultValue = "cpu",
      description =
          "Device to run graphs on (default: ${DEFAULT-VALUE}). gpu needs the -Pgpu build and CUDA 12.5 + cuDNN 9.3.")
  void setDevice(String value) {
    Device device = Device.parse(value);
    DeviceCheck.requireUsable(device);
    this.device = device;
  }

  private Device device = Device.CPU;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Show stack traces of errors, and TensorFlow's own log lines (the ./tfjlab launcher hides"
              + " them otherwise).")
  void setVerbose(boolean verbose) {
    if (verbose) {
      System.setProperty(CommandLines.VERBOSE_PROPERTY, "true");
    }
  }

  @Override
  public Device device() {
    return device;
  }

  public static void main(String[] args) {
    // SIGINT / SIGTERM: the step under way finishes, then the run says how to resume (exit 130/143)
    io.tfjlab.training.StopSignal.global().installShutdownHook();
    System.exit(commandLine(args).execute(args));
  }

  /**
   * Runs a {@code tfjlab} command line in this JVM, as {@link #main} does, and returns its exit
   * code instead of exiting (tests of other modules, e.g. tf-cluster's, run the CLI so).
   */
  public static int run(String... args) {
    return commandLine(args).execute(args);
  }

  /**
   * The whole command line of {@code tfjlab}, as {@link #main} runs it (tests run it in-process).
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = CommandLines.create(new TfjlabCommand());
    cl.addSubcommand(new TrainCommand().withArgs(args));
    cl.addSubcommand(new CompareCommand().withArgs(args));
    cl.addSubcommand(new SweepCommand().withArgs(args));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          if (ex.getCause() instanceof IllegalStateException unusable) {
            ex.getCommandLine().getErr().println("error: " + unusable.getMessage());
          } else {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine()
                .getErr()
                .println(
                    "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          }
          return CommandLines.USER_ERROR;
        });
    return cl;
  }

  /** Version of tfjlab and of the TensorFlow it runs on. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TfjlabCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "tfjlab " + (v == null ? "dev" : v),
        "TensorFlow " + org.tensorflow.TensorFlow.version() + " (TensorFlow Java 1.1.0)"
      };
    }
  }
}
