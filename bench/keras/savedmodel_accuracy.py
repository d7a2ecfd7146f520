"""Loads tfjlab SavedModels with TensorFlow for Python and prints each one's accuracy on the first N
MNIST test images through its serving_default signature (images float32 [N, 28, 28, 1] in [0, 1]).

  $KERAS_PYTHON bench/keras/savedmodel_accuracy.py RUN/saved_model [...] [--mnist DIR] [--n 1000]

DIR holds t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (default: ~/.tfjlab/datasets/mnist, where
the tfjlab build puts them).
"""
import argparse
import os

import numpy as np
import tensorflow as tf

p = argparse.ArgumentParser()
p.add_argument("models", nargs="+")
p.add_argument("--mnist", default=os.path.expanduser("~/.tfjlab/datasets/mnist"))
p.add_argument("--n", type=int, default=1000)
a = p.parse_args()
with open(os.path.join(a.mnist, "t10k-images-idx3-ubyte"), "rb") as f:
    f.read(16)
    x = np.frombuffer(f.read(a.n * 784), np.uint8).reshape(a.n, 28, 28, 1).astype(np.float32) / 255.0
with open(os.path.join(a.mnist, "t10k-labels-idx1-ubyte"), "rb") as f:
    f.read(8)
    y = np.frombuffer(f.read(a.n), np.uint8)
for d in a.models:
    serve = tf.saved_model.load(d).signatures["serving_default"]
    probabilities = serve(images=tf.constant(x))["probabilities"].numpy()
    print(f"{d}: accuracy on the first {a.n} test images {np.mean(probabilities.argmax(1) == y):.3f}")
