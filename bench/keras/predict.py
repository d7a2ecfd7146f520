"""Keras 3 (TensorFlow for Python) inference speed on the networks `./tfjlab bench --inference`
measures: `model.predict`, `model.evaluate` and a `@tf.function` serving call.

Networks (as tfjlab resolves `--model mlp` and `--model cnn`, families mlp.json / cnn.json, preset
seed003), each ending in a softmax as tfjlab's served `probabilities`:
  mlp: Flatten -> Dense 150 ReLU -> Dense 150 ReLU -> Dense 10 softmax
  cnn: Conv 5x5x64 VALID ReLU -> MaxPool 2x2/2 -> Flatten (9216) -> Dense 128 ReLU -> Dense 64 ReLU
       -> Dense 10 softmax
Glorot-uniform weights (inference speed does not depend on them), random 28x28x1 inputs in [0,1).

For each network and the batch size B, on STEPS x B images after WARMUP x B warm-up images:
  predict:  model.predict(x, batch_size=B, verbose=0)
  evaluate: model.evaluate(x, y, batch_size=B, verbose=0), cross-entropy and accuracy (the
            counterpart of tfjlab's evaluation pass, which fetches the loss and the metric)
  serve:    a @tf.function(input_signature=[float32 (None, 28, 28, 1)]) returning probabilities
            and argmax classes (the outputs of tfjlab's serving_default), called per batch
Prints `keras MODEL predict|evaluate|serve BATCH IMAGES_PER_S`, one line each.
"""
import argparse
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow as tf
import keras
from keras import layers


def build(name):
    inp = keras.Input((28, 28, 1))
    if name == "mlp":
        x = layers.Flatten()(inp)
        x = layers.Dense(150, activation="relu")(x)
        x = layers.Dense(150, activation="relu")(x)
    elif name == "cnn":
        x = layers.Conv2D(64, 5, activation="relu")(inp)
        x = layers.MaxPooling2D(2)(x)
        x = layers.Flatten()(x)
        x = layers.Dense(128, activation="relu")(x)
        x = layers.Dense(64, activation="relu")(x)
    else:
        raise SystemExit(f"unknown model {name} (mlp or cnn)")
    return keras.Model(inp, layers.Dense(10, activation="softmax")(x))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", default="mlp,cnn")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--warmup", type=int, default=10, help="warm-up batches")
    p.add_argument("--steps", type=int, default=100, help="timed batches")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    tf.config.threading.set_intra_op_parallelism_threads(a.threads)
    tf.config.threading.set_inter_op_parallelism_threads(a.threads)
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    b = a.batch
    x = rng.random((a.steps * b, 28, 28, 1), dtype=np.float32)
    y = rng.integers(0, 10, a.steps * b)
    warm = x[: max(1, a.warmup) * b]
    for name in a.models.split(","):
        model = build(name)
        model.compile(loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])

        model.predict(warm, batch_size=b, verbose=0)
        t0 = time.perf_counter()
        model.predict(x, batch_size=b, verbose=0)
        print(f"keras {name} predict {b} {len(x) / (time.perf_counter() - t0):.1f}", flush=True)

        model.evaluate(warm, y[: len(warm)], batch_size=b, verbose=0)
        t0 = time.perf_counter()
        model.evaluate(x, y, batch_size=b, verbose=0)
        print(f"keras {name} evaluate {b} {len(x) / (time.perf_counter() - t0):.1f}", flush=True)

        @tf.function(input_signature=[tf.TensorSpec([None, 28, 28, 1], tf.float32)])
        def serve(images):
            probabilities = model(images, training=False)
            return {"probabilities": probabilities, "classes": tf.argmax(probabilities, 1)}

        for i in range(max(1, a.warmup)):
            serve(tf.constant(warm[i * b:(i + 1) * b]))["classes"].numpy()
        t0 = time.perf_counter()
        for i in range(a.steps):
            serve(tf.constant(x[i * b:(i + 1) * b]))["classes"].numpy()
        print(f"keras {name} serve {b} {len(x) / (time.perf_counter() - t0):.1f}", flush=True)


if __name__ == "__main__":
    main()
