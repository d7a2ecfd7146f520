package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.MaxPool;

/**
 * {@code {"type": "maxpool", "size": 2}}: max pooling, 2-D on (height, width, channels) inputs and
 * 1-D on (length, channels) inputs.
 *
 * @param size window side, default 2 ({@code pool_size} also accepted)
 * @param strides default: the window size
 * @param padding "valid" (default) or "same"
 */
public record MaxPoolConfig(@JsonAlias("pool_size") Integer size, Integer strides, String padding)
    implements LayerConfig {

  public MaxPoolConfig {
    size = Fields.positive(size, "size", 2);
    strides = Fields.positive(strides, "strides", size);
    padding = Fields.padding(padding);
  }

  public MaxPoolConfig(int size) {
    this(size, null, null);
  }

  @Override
  public Layer build(LayerInput in) {
    Fields.require(
        in.rank() == 3 || in.rank() == 2,
        "needs an (height, width, channels) or (length, channels) "
            + "input, got "
            + in.describe()
            + "; pool before the flatten layer");
    Fields.windowFits(in, in.rank() - 1, size, padding, "size");
    return in.rank() == 3
        ? MaxPool.pool2d(size, strides, Fields.paddingOf(padding))
        : MaxPool.pool1d(size, strides, Fields.paddingOf(padding));
  }
}
