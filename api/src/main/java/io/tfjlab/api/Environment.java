package io.tfjlab.api;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.MapBinder;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import io.tfjlab.models.zoo.ModelFactory;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.RunExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Guice wiring behind the API, which users never see: the project's {@link TrainingModule}
 * (data catalog and model zoo) built with the experiment's {@link DataOptions}, plus the networks
 * defined in Java and the in-memory data sets of this experiment only, added to the zoo's and the
 * catalog's {@code MapBinder}s next to the built-in entries.
 */
final class Environment {
  private final DataOptions dataOptions;
  private final Map<String, ModelFactory> networks;
  private final Map<String, Dataset> datasets;
  private final Injector injector;

  private Environment(
      DataOptions dataOptions,
      Map<String, ModelFactory> networks,
      Map<String, Dataset> datasets,
      Injector injector) {
    this.dataOptions = dataOptions;
    this.networks = networks;
    this.datasets = datasets;
    this.injector = injector;
  }

  /**
   * The built-in zoo and catalog with {@code networks} and {@code datasets} added; names must be
   * new.
   */
  static Environment create(
      DataOptions options, Collection<ModelFactory> networks, Collection<Dataset> datasets) {
    Injector builtIn = Guice.createInjector(new TrainingModule(options));
    Map<String, ModelFactory> byName = new LinkedHashMap<>();
    for (ModelFactory f : networks) {
      String name = f.name();
      if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new IllegalArgumentException(
            "network name '"
                + name
                + "' of "
                + f.getClass().getName()
                + " must be letters, digits, '.', '_' or '-' (it names the run folder); return another name()");
      }
      if (builtIn.getInstance(ModelZoo.class).factories().containsKey(name)) {
        throw new IllegalArgumentException(
            "network name '"
                + name
                + "' of "
                + f.getClass().getName()
                + " is a built-in model; give your network another name()");
      }
      ModelFactory old = byName.put(name, f);
      if (old != null && old != f) {
        throw new IllegalArgumentException(
            "two networks are named '"
                + name
                + "' ("
                + old.getClass().getName()
                + ", "
                + f.getClass().getName()
                + "); give each its own name()");
      }
    }
    Map<String, Dataset> data = new LinkedHashMap<>();
    Iterable<String> known = builtIn.getInstance(DatasetCatalog.class).names();
    for (Dataset d : datasets) {
      for (String k : known) {
        if (k.equals(d.name())) {
          throw new IllegalArgumentException(
              "data set name '"
                  + d.name()
                  + "' is a catalog data set; give your "
                  + "images another name (InMemoryData.of(\"my-"
                  + d.name()
                  + "\", ...))");
        }
      }
      if (d.name().startsWith("toy-")) {
        throw new IllegalArgumentException(
            "data set names starting with 'toy-' are the built-in toy problems; "
                + "rename '"
                + d.name()
                + "'");
      }
      data.put(d.name(), InMemoryData.withDigests(d));
    }
    Injector injector =
        byName.isEmpty() && data.isEmpty()
            ? builtIn
            : Guice.createInjector(new TrainingModule(options), new Additions(byName, data));
    return new Environment(options, byName, data, injector);
  }

  /** The same with more networks (e.g. the ones a reopened run was trained with). */
  Environment withNetworks(Collection<ModelFactory> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<ModelFactory> all = new ArrayList<>(networks.values());
    all.addAll(more);
    return create(dataOptions, all, datasets.values());
  }

  ModelZoo zoo() {
    return injector.getInstance(ModelZoo.class);
  }

  DatasetCatalog catalog() {
    return injector.getInstance(DatasetCatalog.class);
  }

  RunExecutor executor() {
    return injector.getInstance(RunExecutor.class);
  }

  Map<String, ModelFactory> networks() {
    return networks;
  }

  /**
   * The image shape of a data set, from its descriptor (nothing is loaded); empty for the toy
   * problems.
   */
  Optional<ImageShape> imageShape(String dataset) {
    return dataset.startsWith("toy-")
        ? Optional.empty()
        : Optional.of(catalog().descriptor(dataset).shape());
  }

  /** The class names of a data set ("0", "1" for the binary toy problems). */
  List<String> classNames(String dataset) {
    return dataset.startsWith("toy-")
        ? List.of("0", "1")
        : catalog().descriptor(dataset).classNames();
  }

  /**
   * Checks that this environment can rebuild a run's graph and data: its model is built in or one
   * of our networks, its data set is in the catalog or is the same in-memory data (same digests).
   */
  void checkCanRebuild(Path dir, Manifest manifest) {
    String model = manifest.spec().model().type();
    if (!zoo().factories().containsKey(model)) {
      throw new IllegalArgumentException(
          dir
              + " was trained with the network '"
              + model
              + "' defined in Java ("
              + manifest.command()
              + "); pass it again: TrainedRun.open(dir, new YourNetwork()) or experiment.open(dir)");
    }
    String name = manifest.spec().dataset();
    if (name.startsWith("toy-")) {
      return;
    }
    try {
      catalog().descriptor(name);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          dir
              + " was trained on the in-memory data set '"
              + name
              + "'; open it from "
              + "an experiment that has it: Experiment.builder().dataset(data)...build().open(dir)",
          unknown);
    }
    Dataset given = datasets.get(name);
    Map<String, String> recorded = manifest.data() == null ? Map.of() : manifest.data().checksums();
    if (given != null && !recorded.isEmpty() && !given.checksums().equals(recorded)) {
      throw new IllegalArgumentException(
          "the in-memory data set '"
              + name
              + "' differs from the one "
              + dir
              + " was trained on (SHA-256 "
              + given.checksums()
              + ", manifest "
              + recorded
              + "); pass the same images");
    }
  }

  /** The run's graph rebuilt and {@code checkpoint} restored (after {@link #checkCanRebuild}). */
  RestoredRun restore(Path dir, Manifest manifest, String checkpoint) {
    checkCanRebuild(dir, manifest);
    return RestoredRun.open(dir, checkpoint, catalog(), zoo());
  }

  /**
   * The bindings added to TrainingModule's: our networks in the zoo, our data sets in the catalog.
   */
  private static final class Additions extends AbstractModule {
    private final Map<String, ModelFactory> networks;
    private final Map<String, Dataset> datasets;

    Additions(Map<String, ModelFactory> networks, Map<String, Dataset> datasets) {
      this.networks = networks;
      this.datasets = datasets;
    }

    @Override
    protected void configure() {
      MapBinder<String, ModelFactory> zoo =
          MapBinder.newMapBinder(binder(), String.class, ModelFactory.class);
      networks.forEach((name, f) -> zoo.addBinding(name).toInstance(f));
      MapBinder<String, DatasetDescriptor> catalog =
          MapBinder.newMapBinder(binder(), String.class, DatasetDescriptor.class);
      datasets.forEach(
          (name, d) -> catalog.addBinding(name).toInstance(InMemoryData.descriptor(d)));
    }
  }
}
