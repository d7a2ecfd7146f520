package io.tfjlab.training;

import io.tfjlab.data.cli.CommandLines;
import io.tfjlab.training.cli.TrainCommand;

/**
 * tf-training on its own: {@code mvn -q -pl tf-training exec:java -Dexec.args="--spec run.json"}.
 * The same {@link TrainCommand} serves {@code ./tfjlab train}.
 */
public final class TrainingMain {
  private TrainingMain() {}

  public static void main(String[] args) {
    int code = CommandLines.create(new TrainCommand().withArgs(args)).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
