# TensorFlow for Python (2.21 here) in graph mode (tf.compat.v1), the seed-003 cnn, Adam, batch 128, 2 threads:
# images/s of 3 rounds of 150 steps, then the op time by op type of one traced step (what
# `JAVA_OPTS=-Dtfjlab.profileStep=40 ./tfjlab bench --model cnn --batch-size 128` prints for tfjlab).
# Run: $KERAS_PYTHON bench/keras/cnn_graph_profile.py
import time, collections, numpy as np, tensorflow as tf
tf.compat.v1.disable_eager_execution()
B = 128
rng = np.random.default_rng(42)
xs = rng.random((B, 28, 28, 1), dtype=np.float32); ys = np.eye(10, dtype=np.float32)[rng.integers(0, 10, B)]
x = tf.compat.v1.placeholder(tf.float32, (None, 28, 28, 1)); y = tf.compat.v1.placeholder(tf.float32, (None, 10))
init = tf.compat.v1.glorot_uniform_initializer(seed=1)
def var(shape): return tf.compat.v1.get_variable("v%d" % len(tf.compat.v1.global_variables()), shape, initializer=init, use_resource=False)
h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, var((5, 5, 1, 64)), 1, "VALID"), var((64,))))
h = tf.nn.max_pool2d(h, 2, 2, "VALID"); h = tf.reshape(h, (-1, 9216))
h = tf.nn.relu(tf.nn.bias_add(tf.matmul(h, var((9216, 128))), var((128,))))
h = tf.nn.relu(tf.nn.bias_add(tf.matmul(h, var((128, 64))), var((64,))))
logits = tf.nn.bias_add(tf.matmul(h, var((64, 10))), var((10,)))
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
train = tf.compat.v1.train.AdamOptimizer(1e-3).minimize(loss)
cfg = tf.compat.v1.ConfigProto(intra_op_parallelism_threads=2, inter_op_parallelism_threads=2)
with tf.compat.v1.Session(config=cfg) as s:
    s.run(tf.compat.v1.global_variables_initializer())
    fd = {x: xs, y: ys}
    for _ in range(20): s.run([train, loss], fd)
    for r in range(3):
        t0 = time.time()
        for _ in range(150): s.run([train, loss], fd)
        print("tf2.21 v1-graph cnn %d: %.1f images/s" % (B, 150 * B / (time.time() - t0)))
    md = tf.compat.v1.RunMetadata()
    s.run([train, loss], fd, options=tf.compat.v1.RunOptions(trace_level=tf.compat.v1.RunOptions.FULL_TRACE), run_metadata=md)
    by = collections.Counter(); cnt = collections.Counter(); n = 0
    for d in md.step_stats.dev_stats:
        for ns in d.node_stats:
            t = ns.timeline_label; eq = t.find(" = "); par = t.find("(", max(eq, 0))
            ty = t[eq + 3:par] if eq >= 0 and par > eq else ns.node_name
            by[ty] += ns.op_end_rel_micros - ns.op_start_rel_micros; cnt[ty] += 1; n += 1
    tot = sum(by.values())
    print("op time %.1f ms, %d nodes" % (tot / 1e3, n))
    for ty, us in by.most_common(12): print("  %-40s %7.2f ms %5.1f%% %3dx" % (ty, us / 1e3, 100 * us / tot, cnt[ty]))
