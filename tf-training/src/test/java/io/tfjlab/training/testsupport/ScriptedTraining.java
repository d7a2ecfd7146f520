package io.tfjlab.training.testsupport;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.Evaluator;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.Validation;
import io.tfjlab.training.run.CheckpointStore;
import io.tfjlab.training.steps.StepInput;
import io.tfjlab.training.steps.StepResult;
import io.tfjlab.training.steps.TrainingStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.tensorflow.Session;

/**
 * Training without TensorFlow, for the loop and its callbacks: phases with no graph behind them,
 * batch sources of empty batches, a step and a validation pass that return scripted numbers, and
 * checkpoints kept in memory.
 */
public final class ScriptedTraining {
  private ScriptedTraining() {}

  /**
   * A phase named {@code name} whose metric is {@code metricName}; no operands (nothing runs them).
   */
  public static Phase phase(String name, String metricName) {
    return new Phase(name, null, null, metricName, List.of(), List.of(), Phase.PhaseData.LABELED);
  }

  /** A source of batches of these sizes per pass; records the passes asked for. */
  public static final class Source implements BatchSource {
    private final int[] sizes;
    public final List<Integer> passes = new ArrayList<>();

    public Source(int... sizes) {
      this.sizes = sizes.clone();
    }

    @Override
    public int size() {
      return IntStream.of(sizes).sum();
    }

    @Override
    public int batchesPerEpoch() {
      return sizes.length;
    }

    @Override
    public Iterable<Batch> epoch(int epoch) {
      passes.add(epoch);
      List<Batch> out = new ArrayList<>();
      for (int i = 0; i < sizes.length; i++) {
        out.add(new Batch(null, null, new int[sizes[i]], i));
      }
      return out;
    }

    @Override
    public void close() {}
  }

  /** A step whose numbers are a function of its input; records every input. */
  public static final class Step implements TrainingStep {
    private final Function<StepInput, StepResult> numbers;
    public final List<StepInput> inputs = new ArrayList<>();
    public boolean closed;

    public Step(Function<StepInput, StepResult> numbers) {
      this.numbers = numbers;
    }

    @Override
    public StepResult run(StepInput in) {
      inputs.add(in);
      return numbers.apply(in);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A validation pass returning (loss, metric) of the next scripted epoch. */
  public static Validation validation(double[] losses, double[] metrics) {
    int[] calls = {0};
    return (phase, source) -> {
      int i = calls[0]++;
      return new Evaluator.Score(losses[i], metrics[i], 100);
    };
  }

  /** Checkpoints in memory: the state saved last under each name, and every save in order. */
  public static final class Store implements CheckpointStore {
    public final Map<String, TrainerState> saved = new LinkedHashMap<>();
    public final List<String> log = new ArrayList<>();

    @Override
    public void save(Session session, String name, TrainerState state) {
      saved.put(name, state);
      log.add(name + "@" + state.phase() + ":" + state.epoch());
    }

    @Override
    public boolean exists(String name) {
      return saved.containsKey(name);
    }

    @Override
    public TrainerState restore(Session session, String name) {
      return saved.get(name);
    }
  }
}
