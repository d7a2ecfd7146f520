package io.tfjlab.notebooks;

import java.util.Locale;
import java.util.Optional;

/**
 * The Python cells that re-check a SavedModel's test accuracy with TensorFlow for Python: one cell
 * defining the loader (test-set.npz beside the notebook, or the IDX test files of the tfjlab data
 * cache), one cell per SavedModel.
 */
final class SavedModelCheck {
  private SavedModelCheck() {}

  /** The cell that defines {@code load_test_set()} and {@code test_accuracy(saved_model)}. */
  static String loader(String dataset) {
    return """
        # Re-check the test accuracy with TensorFlow for Python (pip install tensorflow numpy).
        # The test set: test-set.npz beside this notebook when tfjlab wrote one (image folders, npz,
        # CSV, USPS, CIFAR-10: the images as tfjlab decoded them), else the tfjlab data cache's
        # uncompressed IDX files (MNIST, Fashion-MNIST).
        import os
        import numpy as np
        import tensorflow as tf

        DATASET = %s
        DATA_DIR = os.path.join(os.path.expanduser(os.environ.get("TFJLAB_DATA_DIR", "~/.tfjlab/datasets")), DATASET)
        TEST_SET = "test-set.npz"


        def load_test_set(data_dir=DATA_DIR):
            \"\"\"The test images (float32 in [0, 1], NHWC) and labels.\"\"\"
            if os.path.exists(TEST_SET):
                with np.load(TEST_SET) as f:
                    return f["x_test"].astype(np.float32) / 255.0, f["y_test"].astype(np.int64)
            if not os.path.exists(os.path.join(data_dir, "t10k-images-idx3-ubyte")):
                raise FileNotFoundError(
                    f"no {TEST_SET} here and no IDX test files in {data_dir}: rebuild the notebook "
                    "with ./tfjlab report --run RUN (or ./tfjlab compare), which writes " + TEST_SET)
            with open(os.path.join(data_dir, "t10k-images-idx3-ubyte"), "rb") as f:
                images = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
            with open(os.path.join(data_dir, "t10k-labels-idx1-ubyte"), "rb") as f:
                labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.int64)
            return images.reshape(-1, 28, 28, 1).astype(np.float32) / 255.0, labels


        def test_accuracy(saved_model, batch_size=1000):
            \"\"\"Loads a tfjlab SavedModel; its serving_default signature takes `images` and
            returns `probabilities` and `classes`. Returns the accuracy on the test set.\"\"\"
            images, labels = load_test_set()
            model = tf.saved_model.load(saved_model)
            serving = model.signatures["serving_default"]
            classes = []
            for start in range(0, len(images), batch_size):
                outputs = serving(images=tf.constant(images[start:start + batch_size]))
                classes.append(outputs["classes"].numpy().astype(np.int64).reshape(-1))
            return float(np.mean(np.concatenate(classes) == labels))"""
        .formatted(Python.string(dataset));
  }

  /**
   * The cell that checks one SavedModel ({@code savedModel}: path relative to the notebook) and
   * compares with tfjlab's test accuracy when known.
   */
  static String check(String run, String savedModel, Optional<Double> expected) {
    String compare =
        expected
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "print(f\"%s: test accuracy {accuracy:.2%%} (tfjlab: %s)\")\n"
                            + "print(\"same as tfjlab\" if abs(accuracy - %s) < 5e-4 else \"differs from tfjlab\")",
                        pyFormatSafe(run),
                        Format.percent(e),
                        Double.toString(e)))
            .orElse(
                String.format(
                    Locale.ROOT,
                    "print(f\"%s: test accuracy {accuracy:.2%%} (no results.json to compare with)\")",
                    pyFormatSafe(run)));
    return "accuracy = test_accuracy(" + Python.string(savedModel) + ")\n" + compare;
  }

  /** The cell shown instead when a run has no SavedModel. */
  static String exportHint(String run) {
    return "# This run has no saved_model/ folder yet. Export one from the project folder with\n"
        + "#   ./tfjlab export --run "
        + run
        + "\n"
        + "# then rebuild this notebook to get the cell that re-checks the accuracy in Python.";
  }

  /** Text that can sit inside a double-quoted Python f-string. */
  private static String pyFormatSafe(String s) {
    String literal = Python.string(s);
    return literal.substring(1, literal.length() - 1).replace("{", "{{").replace("}", "}}");
  }
}
