package io.tfjlab.training;

/**
 * What the loop needs to skip a step whose numbers are not finite ({@code nonFinite: "skip"}): a
 * copy of the whole training state taken before each step, a check of that state after it, and a
 * way back to the copy. {@link VariableSnapshot} is the one over every variable of a graph
 * (weights, optimiser slots, Adam's β powers, batch-norm statistics, weight averages); {@link
 * #NONE} checks nothing (a loop without TensorFlow behind it, whose steps hold no state).
 */
public interface StepGuard extends AutoCloseable {
  /** Copies the state as it is before a step. */
  void beforeStep();

  /** Whether every number of the state is finite after the step. */
  boolean stateFinite();

  /** Puts back the state copied by the last {@link #beforeStep()}. */
  void undo();

  @Override
  default void close() {}

  /** A guard over no state: only the step's own numbers decide. */
  StepGuard NONE =
      new StepGuard() {
        @Override
        public void beforeStep() {}

        @Override
        public boolean stateFinite() {
          return true;
        }

        @Override
        public void undo() {}
      };
}
