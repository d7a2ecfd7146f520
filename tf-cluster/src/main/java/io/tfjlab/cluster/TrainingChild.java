package io.tfjlab.cluster;

import io.tfjlab.cli.TfjlabCommand;

/**
 * The main of a task's training child: {@code tfjlab train ...} ({@link TfjlabCommand#main}) plus a
 * watch on the task's JVM (pid in {@code -Dtfjlab.parentPid}): when that process is gone (an
 * executor killed with {@code kill -9} runs no hook to stop its children), the child halts at once
 * instead of training on, unseen, in a scratch folder nobody mirrors. It references no Spark class.
 */
public final class TrainingChild {
  private TrainingChild() {}

  /** The JVM property naming the process whose end ends the child. */
  public static final String PARENT_PID = "tfjlab.parentPid";

  public static void main(String[] args) {
    String pid = System.getProperty(PARENT_PID);
    if (pid != null) {
      long parent = Long.parseLong(pid);
      Thread watch =
          new Thread(
              () -> {
                while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                System.err.println("tfjlab: the task's JVM (pid " + parent + ") is gone; stopping");
                Runtime.getRuntime().halt(137);
              },
              "parent-watch");
      watch.setDaemon(true);
      watch.start();
    }
    TfjlabCommand.main(args);
  }
}
