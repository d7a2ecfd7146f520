package io.tfjlab.training;

import com.google.inject.AbstractModule;
import io.tfjlab.data.DataModule;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.training.steps.TrainingSteps;

/**
 * Guice wiring for training: the data catalog, the model zoo, the device ({@link Placement}) and
 * the step kinds ({@link TrainingSteps}: supervised, adversarial; other modules may add kinds).
 */
public final class TrainingModule extends AbstractModule {
  private final DataModule.DataOptions dataOptions;
  private final Placement placement;

  public TrainingModule(DataModule.DataOptions dataOptions) {
    this(dataOptions, Placement.CPU);
  }

  /** With the device graphs run on ({@code --device}). */
  public TrainingModule(DataModule.DataOptions dataOptions, Placement placement) {
    this.dataOptions = dataOptions;
    this.placement = placement;
  }

  @Override
  protected void configure() {
    install(new DataModule(dataOptions));
    install(new ModelsModule());
    bind(Placement.class).toInstance(placement);
    TrainingSteps.bindBuiltIn(binder());
  }
}
