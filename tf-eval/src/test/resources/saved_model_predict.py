"""Loads a tfjlab SavedModel with TensorFlow for Python, as a user would, and predicts MNIST test images.
usage: saved_model_predict.py SAVED_MODEL MNIST_DIR OUT_FILE  (writes one 'class max_probability' line per image)"""
import sys
import numpy as np
import tensorflow as tf

saved_model, mnist, out = sys.argv[1:4]
with open(mnist + "/t10k-images-idx3-ubyte", "rb") as f:
    images = np.frombuffer(f.read()[16:], dtype=np.uint8).reshape(-1, 28, 28, 1).astype(np.float32) / 255.0
model = tf.saved_model.load(saved_model)
serving = model.signatures["serving_default"]
result = serving(images=tf.constant(images))
classes = result["classes"].numpy()
probabilities = result["probabilities"].numpy()
with open(out, "w") as f:
    for c, p in zip(classes, probabilities.max(axis=1)):
        f.write(f"{int(c)} {float(p):.7f}\n")
