package io.tfjlab.training;

import com.google.inject.AbstractModule;
import io.tfjlab.data.DataModule;
import io.tfjlab.models.ModelsModule;

/** Guice wiring for training: the data catalog and the model zoo. */
public final class TrainingModule extends AbstractModule {
  private final DataModule.DataOptions dataOptions;

  public TrainingModule(DataModule.DataOptions dataOptions) {
    this.dataOptions = dataOptions;
  }

  @Override
  protected void configure() {
    install(new DataModule(dataOptions));
    install(new ModelsModule());
  }
}
