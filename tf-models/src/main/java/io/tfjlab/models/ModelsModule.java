package io.tfjlab.models;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import io.tfjlab.models.zoo.AutoencoderModel;
import io.tfjlab.models.zoo.BinaryClassifierModel;
import io.tfjlab.models.zoo.CnnModel;
import io.tfjlab.models.zoo.Conv1dModel;
import io.tfjlab.models.zoo.DcganModel;
import io.tfjlab.models.zoo.LayersModel;
import io.tfjlab.models.zoo.LinearModel;
import io.tfjlab.models.zoo.LinearRegressionModel;
import io.tfjlab.models.zoo.MlpModel;
import io.tfjlab.models.zoo.ModelFactory;
import io.tfjlab.models.zoo.SemiSupervisedGanModel;

/** Guice wiring of tf-models: every zoo model, by name. Other modules may add bindings. */
public final class ModelsModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder<String, ModelFactory> zoo =
        MapBinder.newMapBinder(binder(), String.class, ModelFactory.class);
    for (ModelFactory f :
        new ModelFactory[] {
          new LinearModel(),
          new MlpModel(),
          new CnnModel(),
          new Conv1dModel(),
          AutoencoderModel.autoencoder(),
          AutoencoderModel.withClassifier(),
          BinaryClassifierModel.perceptron(),
          BinaryClassifierModel.blobs(),
          BinaryClassifierModel.xor(),
          new LinearRegressionModel(),
          DcganModel.gan(),
          DcganModel.transfer(),
          new SemiSupervisedGanModel(),
          new LayersModel()
        }) {
      zoo.addBinding(f.name()).toInstance(f);
    }
  }
}
