package io.tfjlab.eval.studies;

/**
 * What a trained autoencoder does to the test images.
 *
 * @param errors per test image: squared error summed over its pixels (pixels in [0, 1])
 * @param labels class of each of the first {@code kept} test images
 * @param originals the first {@code kept} test images, flattened
 * @param reconstructions their reconstructions, flattened
 * @param codes their codes (the encoder's output)
 */
public record AutoencoderOutputs(
    double[] errors,
    int[] labels,
    float[][] originals,
    float[][] reconstructions,
    float[][] codes) {}
