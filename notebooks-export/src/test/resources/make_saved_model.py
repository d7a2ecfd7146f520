"""Writes a tiny SavedModel with the tfjlab serving signature: images [n, 28, 28, 1] float32 ->
probabilities [n, 10], classes [n]; it predicts the class round(255 * top-left pixel) mod 10.
usage: make_saved_model.py OUT_DIR"""
import sys
import tensorflow as tf


class Model(tf.Module):
    @tf.function(input_signature=[tf.TensorSpec([None, 28, 28, 1], tf.float32, name="images")])
    def serve(self, images):
        c = tf.math.floormod(tf.cast(tf.round(images[:, 0, 0, 0] * 255.0), tf.int64), 10)
        return {"probabilities": tf.one_hot(c, 10), "classes": c}


m = Model()
tf.saved_model.save(m, sys.argv[1], signatures={"serving_default": m.serve})
