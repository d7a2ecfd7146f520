"""Reads a TensorBoard log folder with TensorBoard's own reader and prints 'tag steps last_value' per scalar."""
import sys
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
import tensorflow as tf

acc = EventAccumulator(sys.argv[1], size_guidance={"tensors": 0, "scalars": 0})
acc.Reload()
for tag in sorted(acc.Tags().get("tensors", [])):
    events = acc.Tensors(tag)
    print(tag, len(events), float(tf.make_ndarray(events[-1].tensor_proto)))
for tag in sorted(acc.Tags().get("scalars", [])):
    events = acc.Scalars(tag)
    print(tag, len(events), events[-1].value)
