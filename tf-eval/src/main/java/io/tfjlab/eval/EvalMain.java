package io.tfjlab.eval;

import io.tfjlab.data.cli.CommandLines;
import io.tfjlab.eval.cli.EvaluateCommand;

/**
 * tf-eval on its own: {@code mvn -q -pl tf-eval exec:java -Dexec.args="--run
 * runs/cnn-mnist-all-1"}. The same {@link EvaluateCommand} serves {@code ./tfjlab evaluate}.
 */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] args) {
    int code = CommandLines.create(new EvaluateCommand()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
