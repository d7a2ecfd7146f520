"""JAX (XLA on CPU, NHWC) speed of one semi-supervised GAN training step with the CNN
discriminator: the same step as ../torch/sgan_cnn_step.py, that is the step of
`./tfjlab bench --model sgan --discriminator cnn` (tfjlab's SemiSupervisedGanModel with
GanParts.cnnDiscriminatorBody and GanParts.convGenerator, the sgan family defaults and their
`discriminator: cnn` overlay), the discriminator update (labeled-batch augmentation included) and
the generator update (with the weight average's move) each one jit-compiled function.

Discriminator body: Gaussian noise 0.3 -> weight-normalised conv 3x3/2 SAME 32 -> noise 0.5 -> WN
conv 3x3/2 64 -> noise 0.5 -> WN conv 3x3/2 128 (LeakyReLU 0.2 after each; 28 -> 14 -> 7 -> 4) ->
flatten 2048 -> noise 0.5 -> WN dense 250 ReLU (feature-matching layer, scale g not trained).
Head: noise 0.5 -> WN dense 10 (scale trained); no dropout, pooling or batch norm in the
discriminator. The kernel is scaled by g/||V|| per output channel
before the convolution, the dense layers divide x.V by ||V||, as tfjlab. Generator: U(0,1)^100 ->
dense 3136 -> batch norm -> ReLU -> 7x7x64 -> transposed conv 4x4/2 SAME 32 (no bias) -> batch
norm -> ReLU -> transposed conv 4x4/2 SAME 1 -> sigmoid (batch statistics, eps 1e-3). Loss: K+1
in log-sum-exp form on 100 labeled (augmented: rotation up to 10 degrees, zoom up to 10%, shift up
to 10%, bilinear, zeros outside), 100 unlabeled and 100 generated images as one batch of 300
through the body; feature matching on 100 generated vs 100 other real images. Adam lr 0.003,
beta1 0.5, beta2 0.999, eps 1e-4 for both. Exponential moving average of the discriminator's
weights, rate 0.001, moved in the generator's update (tfjlab moves it in the generator's session
call too).

Differences from tfjlab's step: (1) the matching batch's features are computed without gradient
(XLA only differentiates with respect to the generator): tfjlab's graph also back-propagates the
input gradient through those 100 rows, 0.530 GFLOP more (8.417 vs 7.887 GFLOP/step at batch 100).
(2) The generator's batch norms keep no moving averages (they are only used outside training;
tfjlab updates them, a few thousand floats per step). (3) No data-dependent initialisation (g = 1,
b = 0). (4) optax adds epsilon to the bias-corrected sqrt(v), TensorFlow to the uncorrected.
(5) Random inputs instead of MNIST batches (the step's cost does not depend on the pixels).

Prints `jax sgan_cnn BATCH STEPS_PER_S IMAGES_PER_S FIRST_DLOSS FINAL_DLOSS` on stdout and on
stderr a `#` line with the parameter counts and the analytic FLOPs per step.
"""
import argparse
import math
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np
import optax
from jax.scipy.ndimage import map_coordinates

DN = ("NHWC", "HWIO", "NHWC")


def step_flops(b):
    """Forward + backward FLOPs of the matrix products and convolutions of this step (tfjlab's
    FlopCounter's rules), and of tfjlab's graph of the same step."""
    conv = [2 * 9 * 1 * 32 * 14 * 14, 2 * 9 * 32 * 64 * 7 * 7, 2 * 9 * 64 * 128 * 4 * 4]
    dense, head = 2 * 2048 * 250, 2 * 250 * 10
    body = sum(conv) + dense
    gen_dense, gen_t1, gen_t2 = 2 * 100 * 3136, 2 * 16 * 32 * 64 * 7 * 7, 2 * 16 * 1 * 32 * 14 * 14
    gen = gen_dense + gen_t1 + gen_t2
    gen_back = gen_dense + 2 * gen_t1 + 2 * gen_t2
    d_step = b * gen + 3 * b * (body + head) * 2 + 3 * b * (body - conv[0] + head)
    g_step = b * gen + 2 * b * body + b * body + b * gen_back
    tfjlab_g_step = b * gen + 2 * b * body + 2 * b * body + b * gen_back
    return d_step + g_step, d_step + tfjlab_g_step


def wn_conv(key, cin, cout):
    return {"v": 0.05 * jax.random.normal(key, (3, 3, cin, cout)), "g": jnp.ones(cout), "b": jnp.zeros(cout)}


def wn_conv_apply(p, x):
    k = p["v"] * (p["g"] / jnp.sqrt(jnp.sum(p["v"] ** 2, axis=(0, 1, 2)) + 1e-12))
    y = jax.lax.conv_general_dilated(x, k, (2, 2), "SAME", dimension_numbers=DN) + p["b"]
    return jax.nn.leaky_relu(y, 0.2)


def wn_dense(key, n_in, n_out):
    return {"v": 0.1 * jax.random.normal(key, (n_in, n_out)), "g": jnp.ones(n_out), "b": jnp.zeros(n_out)}


def wn_dense_apply(p, x, g):
    return (x @ p["v"]) / jnp.sqrt(jnp.sum(p["v"] ** 2, axis=0) + 1e-12) * g + p["b"]


def augment(k, x, degrees=10.0, zoom=0.1, shift=0.1):
    """tfjlab's ImageAugmenter: inverse affine map about the centre, bilinear, zeros outside."""
    n, h, w, _ = x.shape
    ka, ks, kx, ky = jax.random.split(k, 4)
    u = lambda kk: jax.random.uniform(kk, (n,), minval=-1.0, maxval=1.0)
    angle, scale = u(ka) * math.radians(degrees), 1 + u(ks) * zoom
    tx, ty = u(kx) * shift * w, u(ky) * shift * h
    c, s = jnp.cos(angle) / scale, jnp.sin(angle) / scale
    cx, cy = (w - 1) / 2, (h - 1) / 2
    yy, xx = jnp.meshgrid(jnp.arange(h, dtype=jnp.float32), jnp.arange(w, dtype=jnp.float32), indexing="ij")

    def one(img, c, s, tx, ty):
        uu, vv = xx - cx - tx, yy - cy - ty
        sx, sy = c * uu + s * vv + cx, -s * uu + c * vv + cy
        return map_coordinates(img[..., 0], [sy, sx], order=1, mode="constant", cval=0.0)[..., None]

    return jax.vmap(one)(x, c, s, tx, ty)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--steps", type=int, default=150)
    ap.add_argument("--threads", type=int, default=2)  # informational: XLA takes the process's cores
    ap.add_argument("--no-augment", action="store_true", help="as ./tfjlab bench --no-augment")
    a = ap.parse_args()
    b = a.batch
    key = jax.random.PRNGKey(0)
    ks = jax.random.split(key, 16)
    d = {"convs": [wn_conv(ks[0], 1, 32), wn_conv(ks[1], 32, 64), wn_conv(ks[2], 64, 128)],
         "dense": wn_dense(ks[3], 2048, 250), "head": wn_dense(ks[4], 250, 10)}
    dense_g = jnp.ones(250)  # the feature layer's scale: not trained (tfjlab's trainScale false)
    d["dense"].pop("g")
    g = {"l1": {"w": jax.random.uniform(ks[5], (100, 3136), minval=-0.0427, maxval=0.0427), "b": jnp.zeros(3136)},
         "bn1": {"g": jnp.ones(3136), "b": jnp.zeros(3136)},
         "t1": jax.random.uniform(ks[6], (4, 4, 64, 32), minval=-0.07, maxval=0.07),
         "bn2": {"g": jnp.ones(32), "b": jnp.zeros(32)},
         "t2": {"k": jax.random.uniform(ks[7], (4, 4, 32, 1), minval=-0.07, maxval=0.07), "b": jnp.zeros(1)}}

    def body(p, x, k):
        kk = jax.random.split(k, 5)
        h = x + 0.3 * jax.random.normal(kk[0], x.shape)
        for i, layer in enumerate(p["convs"]):
            if i > 0:
                h = h + 0.5 * jax.random.normal(kk[i], h.shape)
            h = wn_conv_apply(layer, h)
        h = h.reshape(h.shape[0], -1)
        h = h + 0.5 * jax.random.normal(kk[4], h.shape)
        return jax.nn.relu(wn_dense_apply(p["dense"], h, dense_g))

    def head(p, f, k):
        return wn_dense_apply(p["head"], f + 0.5 * jax.random.normal(k, f.shape), p["head"]["g"])

    def bn(p, h, axes):
        m = h.mean(axes)
        v = jnp.mean((h - jax.lax.stop_gradient(m)) ** 2, axes)
        return (h - m) * jax.lax.rsqrt(v + 1e-3) * p["g"] + p["b"]

    def gen(p, z):
        h = jax.nn.relu(bn(p["bn1"], z @ p["l1"]["w"] + p["l1"]["b"], (0,))).reshape(-1, 7, 7, 64)
        h = jax.lax.conv_transpose(h, p["t1"], (2, 2), "SAME", dimension_numbers=DN)
        h = jax.nn.relu(bn(p["bn2"], h, (0, 1, 2)))
        h = jax.lax.conv_transpose(h, p["t2"]["k"], (2, 2), "SAME", dimension_numbers=DN) + p["t2"]["b"]
        return jax.nn.sigmoid(h)

    d_opt = optax.adam(0.003, b1=0.5, b2=0.999, eps=1e-4)
    g_opt = optax.adam(0.003, b1=0.5, b2=0.999, eps=1e-4)
    d_state, g_state = d_opt.init(d), g_opt.init(g)
    rng = np.random.default_rng(0)
    x_lab = jnp.asarray(rng.random((b, 28, 28, 1), dtype=np.float32))
    y_lab = jnp.asarray(rng.integers(0, 10, b))
    x_unl = jnp.asarray(rng.random((b, 28, 28, 1), dtype=np.float32))
    x_match = jnp.asarray(rng.random((b, 28, 28, 1), dtype=np.float32))

    def d_loss(dp, gp, k):
        kk = jax.random.split(k, 4)
        fake = jax.lax.stop_gradient(gen(gp, jax.random.uniform(kk[0], (b, 100))))
        lab = x_lab if a.no_augment else augment(kk[1], x_lab)
        logits = head(dp, body(dp, jnp.concatenate([lab, x_unl, fake]), kk[2]), kk[3])
        l_lab, l_unl, l_fake = logits[:b], logits[b:2 * b], logits[2 * b:]
        lse_unl = jax.nn.logsumexp(l_unl, axis=1)
        lse_fake = jax.nn.logsumexp(l_fake, axis=1)
        sup = optax.softmax_cross_entropy_with_integer_labels(l_lab, y_lab).mean()
        uns = -lse_unl.mean() + jax.nn.softplus(lse_unl).mean() + jax.nn.softplus(lse_fake).mean()
        return sup + 0.5 * uns

    def g_loss(gp, dp, k):
        kk = jax.random.split(k, 3)
        f_real = jax.lax.stop_gradient(body(dp, x_match, kk[0]).mean(0))
        f_fake = body(dp, gen(gp, jax.random.uniform(kk[1], (b, 100))), kk[2]).mean(0)
        return jnp.mean((f_fake - f_real) ** 2)

    @jax.jit
    def d_step(dp, ds, gp, k):
        loss, grads = jax.value_and_grad(d_loss)(dp, gp, k)
        upd, ds = d_opt.update(grads, ds, dp)
        return optax.apply_updates(dp, upd), ds, loss

    @jax.jit
    def g_step(gp, gs, dp, avg, k):
        loss, grads = jax.value_and_grad(g_loss)(gp, dp, k)
        upd, gs = g_opt.update(grads, gs, gp)
        avg = jax.tree_util.tree_map(lambda s, v: s + 0.001 * (v - s), avg, dp)
        return optax.apply_updates(gp, upd), gs, avg, loss

    count = lambda t: sum(int(np.prod(x.shape)) for x in jax.tree_util.tree_leaves(t))
    flops, tfjlab_flops = step_flops(b)
    print(f"# jax sgan_cnn: discriminator {count(d)} trainable parameters (+{dense_g.size} fixed scales),"
          f" generator {count(g)}; matmul+conv forward+backward {flops / 1e9:.6f} GFLOP/step"
          f" (tfjlab's graph of the same step: {tfjlab_flops / 1e9:.6f})", file=sys.stderr, flush=True)

    def step(i, state):
        dp, ds, gp, gs, avg = state
        k1, k2 = jax.random.split(jax.random.fold_in(key, i))
        dp, ds, dl = d_step(dp, ds, gp, k1)
        gp, gs, avg, gl = g_step(gp, gs, dp, avg, k2)
        return (dp, ds, gp, gs, avg), float(dl), float(gl)

    state = (d, d_state, g, g_state, jax.tree_util.tree_map(jnp.copy, d))
    state, first, _ = step(0, state)
    for i in range(1, a.warmup):
        state, _, _ = step(i, state)
    t0 = time.perf_counter()
    for i in range(a.warmup, a.warmup + a.steps):
        state, last, _ = step(i, state)
    sec = time.perf_counter() - t0
    print(f"jax sgan_cnn {b} {a.steps / sec:.2f} {a.steps * b / sec:.1f} {first:.4f} {last:.4f}", flush=True)


if __name__ == "__main__":
    main()
