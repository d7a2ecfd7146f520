package io.tfjlab.models.zoo;

import io.tfjlab.models.layers.Activation;
import java.util.List;

/** The options of a dense network (mlp, xor, blobs, perceptron): its hidden layers. */
public interface HiddenLayers {
  /** Hidden layer sizes ([] = none). */
  List<Integer> hidden();

  /** Hidden activation. */
  Activation activation();
}
