package io.tfjlab.data.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Guice;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.acquire.Materialized;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code data fetch|info|list|export}: the data set commands, shared by {@code tfjlab data} and
 * tf-data's main.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Fetch, verify and describe data sets.",
    subcommands = {
      DataCommand.Fetch.class,
      DataCommand.Info.class,
      DataCommand.ListSets.class,
      DataCommand.Export.class
    })
public final class DataCommand {

  @Option(
      names = "--data-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Cache root for data sets (default: $TFJLAB_DATA_DIR or ~/.tfjlab/datasets).")
  Path dataDir;

  @Option(
      names = "--from",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description =
          "A directory that already holds the data set's files (raw or .gz); they are verified and cached.")
  Path from;

  DatasetCatalog catalog() {
    DataOptions options = new DataOptions(Optional.ofNullable(dataDir), Optional.ofNullable(from));
    return Guice.createInjector(new DataModule(options)).getInstance(DatasetCatalog.class);
  }

  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = "Download (or find) a data set, verify its checksums and cache it.")
  static final class Fetch implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand DataCommand parent;

    @Parameters(paramLabel = "NAME", description = "Data set: mnist, fashion-mnist, usps, cifar10.")
    String name;

    @Override
    public Integer call() {
      Materialized m = parent.catalog().fetch(name);
      System.out.println(
          name
              + ": "
              + m.checksums().size()
              + " files verified in "
              + m.directory()
              + " (source: "
              + m.source()
              + ")");
      return 0;
    }
  }

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description =
          "Fetch if needed, then print counts per split and class, shape, checksums and cache path.")
  static final class Info implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand DataCommand parent;

    @Parameters(
        paramLabel = "NAME",
        description =
            "Data set: mnist, fashion-mnist, usps, cifar10, or your own: folder:DIR, npz:FILE, csv:FILE.")
    String name;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @picocli.CommandLine.Mixin DatasetRefOptions refOptions = new DatasetRefOptions();

    @Override
    public Integer call() throws Exception {
      DatasetCatalog catalog = parent.catalog();
      String ref = refOptions.apply(name);
      DatasetInfo info;
      if (io.tfjlab.data.user.DatasetRef.isReference(ref)) {
        info = DatasetInfo.ofUser(ref, catalog.load(ref));
      } else {
        DatasetDescriptor d = catalog.descriptor(ref);
        Materialized m = catalog.store().materialize(d);
        Dataset ds = d.loader().load(d, m);
        info = DatasetInfo.of(d, m, ds);
      }
      if (json) {
        System.out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info));
      } else {
        System.out.print(info.render());
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the known data sets.")
  static final class ListSets implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand DataCommand parent;

    @Override
    public Integer call() {
      DatasetCatalog catalog = parent.catalog();
      for (String n : catalog.names()) {
        DatasetDescriptor d = catalog.descriptor(n);
        System.out.printf("%-14s %-10s %s%n", n, d.shape(), d.description());
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write a data set as an image folder, an npz or CSV files, which --dataset folder:DIR, "
            + "npz:FILE and csv:DIR read back (the same images in the same order).",
        "Example: ./tfjlab data export mnist --format folder --output /tmp/mnist-folder"
      })
  static final class Export implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand DataCommand parent;

    @Parameters(paramLabel = "NAME", description = "Data set (a catalog name or your own).")
    String name;

    @Option(
        names = "--format",
        required = true,
        paramLabel = "folder|npz|csv",
        description =
            "folder: train|test/<class>/<index>.png; npz: <name>.npz (x_train, y_train, x_test, "
                + "y_test, uint8); csv: train.csv and test.csv (label, then pixels).")
    String format;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "DIR",
        description = "A new or empty folder.")
    Path output;

    @Override
    public Integer call() throws Exception {
      if (!io.tfjlab.data.user.DatasetExport.FORMATS.contains(format)) {
        throw new IllegalArgumentException(
            "--format " + format + " is unknown; use folder, npz or csv");
      }
      Dataset ds = parent.catalog().load(name);
      long t0 = System.nanoTime();
      String ref = io.tfjlab.data.user.DatasetExport.write(ds, format, output);
      System.out.printf(
          java.util.Locale.ROOT,
          "%s: %d train and %d test images written as %s in %.1f s; read them with --dataset %s%n",
          name,
          ds.train().size(),
          ds.test().size(),
          format,
          (System.nanoTime() - t0) / 1e9,
          ref);
      return 0;
    }
  }
}
