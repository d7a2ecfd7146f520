"""PyTorch (eager, CPU, NCHW) speed of one semi-supervised GAN training step with the CNN
discriminator: the step of `./tfjlab bench --model sgan --discriminator cnn` (tfjlab's
SemiSupervisedGanModel with GanParts.cnnDiscriminatorBody and GanParts.convGenerator, the sgan
family defaults of tf-models' families/sgan.json and its `discriminator: cnn` overlay).

One step = a discriminator update on 100 labeled (augmented), 100 unlabeled and 100 generated
images passed through the body as one batch of 300 (K+1 loss in log-sum-exp form: labeled
cross-entropy + 1/2 [softplus(lse(l_unl)) - lse(l_unl)] + 1/2 softplus(lse(l_fake)), batch means),
then a generator update by feature matching (squared difference of the batch-mean features of the
body's last layer on 100 generated and 100 other real images), then the exponential moving average
of the discriminator's weights (rate 0.001), as tfjlab's AdversarialStep does.

Discriminator body: Gaussian noise 0.3 -> weight-normalised conv 3x3/2 32 -> noise 0.5 -> WN conv
3x3/2 64 -> noise 0.5 -> WN conv 3x3/2 128 (LeakyReLU 0.2 after each conv; 28 -> 14 -> 7 -> 4) ->
flatten 2048 -> noise 0.5 -> WN dense 250 ReLU (the feature-matching layer; its scale g is not
trained, as tfjlab's). Head: noise 0.5 -> WN dense 10 (scale trained). No dropout, pooling or batch
norm in this discriminator. Weight normalisation as
tfjlab: the conv kernel is scaled by g/||V|| per output channel before the convolution; the dense
layers divide x.V by ||V|| per unit. Generator (`conv`): U(0,1)^100 -> dense 3136 -> batch norm ->
ReLU -> 7x7x64 -> transposed conv 4x4/2 32 (no bias) -> batch norm -> ReLU -> transposed conv
4x4/2 1 -> sigmoid (batch norm: batch statistics in training, eps 1e-3, moving averages momentum
0.99 in Keras terms). Adam lr 0.003, beta1 0.5, beta2 0.999, epsilon 1e-4, for both networks.
Augmentation of the labeled batch (tfjlab's default for the cnn discriminator): per image a
rotation of up to 10 degrees, a zoom of up to 10% and a shift of up to 10% of the side, bilinear,
zeros outside (affine_grid + grid_sample).

Differences from tfjlab's step (none changes the work of the matrix products and convolutions,
except the first): (1) the real features of the matching batch are computed without gradient and
the discriminator's weights are frozen during the generator update (idiomatic PyTorch GAN code);
tfjlab's graph passes fake and matching rows through the body as one batch and back-propagates
the input gradient through all 200 rows: its step counts 0.530 GFLOP more (8.417 vs 7.887 GFLOP
at batch 100, printed below). (2) torch pads a stride-2 SAME convolution symmetrically (padding 1),
TensorFlow asymmetrically; the output sizes and FLOPs are the same. (3) No data-dependent
initialisation of the weight-normalised layers (g = 1, b = 0); it is not part of the step.
(4) PyTorch's Adam adds epsilon to the bias-corrected sqrt(v), TensorFlow's to the uncorrected.
(5) Random inputs (the step's cost does not depend on the pixels) instead of MNIST batches.

Prints `torch sgan_cnn BATCH STEPS_PER_S IMAGES_PER_S FIRST_DLOSS FINAL_DLOSS` on stdout, where
IMAGES_PER_S counts the unlabeled images (= batch x steps/s), as tfjlab's bench does, and on
stderr a `#` line with the parameter counts and the analytic FLOPs per step.
"""
import argparse
import math
import sys
import time

import torch
from torch import nn
from torch.nn import functional as F


class Noise(nn.Module):
    def __init__(self, sigma):
        super().__init__()
        self.sigma = sigma

    def forward(self, x):
        return x + self.sigma * torch.randn_like(x) if self.training else x


class WNConv2d(nn.Module):
    """LeakyReLU(conv(x, V * g/||V||) + b), stride 2, 'same' size."""

    def __init__(self, cin, cout, k=3, std=0.05):
        super().__init__()
        self.v = nn.Parameter(std * torch.randn(cout, cin, k, k))
        self.g = nn.Parameter(torch.ones(cout))
        self.b = nn.Parameter(torch.zeros(cout))

    def forward(self, x):
        norm = torch.sqrt((self.v ** 2).sum(dim=(1, 2, 3)) + 1e-12)
        w = self.v * (self.g / norm).view(-1, 1, 1, 1)
        return F.leaky_relu(F.conv2d(x, w, self.b, stride=2, padding=1), 0.2)


class WNDense(nn.Module):
    """act((x.V)/||V|| * g + b)."""

    def __init__(self, n_in, n_out, train_scale, act=None, std=0.1):
        super().__init__()
        self.v = nn.Parameter(std * torch.randn(n_in, n_out))
        self.g = nn.Parameter(torch.ones(n_out), requires_grad=train_scale)
        self.b = nn.Parameter(torch.zeros(n_out))
        self.act = act

    def forward(self, x):
        norm = torch.sqrt((self.v ** 2).sum(0) + 1e-12)
        y = (x @ self.v) / norm * self.g + self.b
        return self.act(y) if self.act is not None else y


def discriminator():
    body = nn.Sequential(
        Noise(0.3), WNConv2d(1, 32), Noise(0.5), WNConv2d(32, 64), Noise(0.5), WNConv2d(64, 128),
        nn.Flatten(), Noise(0.5), WNDense(2048, 250, False, F.relu))
    head = nn.Sequential(Noise(0.5), WNDense(250, 10, True))
    return body, head


def generator():
    return nn.Sequential(
        nn.Linear(100, 7 * 7 * 64), nn.BatchNorm1d(7 * 7 * 64, eps=1e-3, momentum=0.01), nn.ReLU(),
        nn.Unflatten(1, (64, 7, 7)),
        nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1, bias=False),
        nn.BatchNorm2d(32, eps=1e-3, momentum=0.01), nn.ReLU(),
        nn.ConvTranspose2d(32, 1, 4, stride=2, padding=1), nn.Sigmoid())


def augment(x, degrees=10.0, zoom=0.1, shift=0.1):
    """tfjlab's ImageAugmenter (inverse affine map about the centre, bilinear, zeros outside)."""
    n, _, h, w = x.shape
    angle = (torch.rand(n) * 2 - 1) * math.radians(degrees)
    scale = 1 + (torch.rand(n) * 2 - 1) * zoom
    tx = (torch.rand(n) * 2 - 1) * shift * w / ((w - 1) / 2)  # in normalised coordinates
    ty = (torch.rand(n) * 2 - 1) * shift * h / ((h - 1) / 2)
    c, s = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([c, s, -(c * tx + s * ty)], 1),
                         torch.stack([-s, c, -(-s * tx + c * ty)], 1)], 1)
    grid = F.affine_grid(theta, list(x.shape), align_corners=True)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=True)


def step_flops(b):
    """Forward + backward FLOPs of the matrix products and convolutions of this script's step
    (2 m k n per product, 2 kh kw cin cout H W per image and convolution, counted as tfjlab's
    FlopCounter does), and of tfjlab's graph of the same step."""
    conv = [2 * 9 * 1 * 32 * 14 * 14, 2 * 9 * 32 * 64 * 7 * 7, 2 * 9 * 64 * 128 * 4 * 4]
    dense, head = 2 * 2048 * 250, 2 * 250 * 10
    body = sum(conv) + dense
    gen_dense, gen_t1, gen_t2 = 2 * 100 * 3136, 2 * 16 * 32 * 64 * 7 * 7, 2 * 16 * 1 * 32 * 14 * 14
    gen = gen_dense + gen_t1 + gen_t2
    gen_back = gen_dense + 2 * gen_t1 + 2 * gen_t2  # weight gradients, input gradients but into z
    d_step = b * gen + 3 * b * (body + head) * 2 + 3 * b * (body - conv[0] + head)
    g_step = b * gen + 2 * b * body + b * body + b * gen_back
    tfjlab_g_step = b * gen + 2 * b * body + 2 * b * body + b * gen_back
    return d_step + g_step, d_step + tfjlab_g_step


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--steps", type=int, default=150)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--no-augment", action="store_true", help="as ./tfjlab bench --no-augment")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    body, head = discriminator()
    gen = generator()
    d_params = list(body.parameters()) + list(head.parameters())
    d_train = [q for q in d_params if q.requires_grad]
    average = [q.detach().clone() for q in d_params]
    d_opt = torch.optim.Adam(d_train, lr=0.003, betas=(0.5, 0.999), eps=1e-4)
    g_opt = torch.optim.Adam(gen.parameters(), lr=0.003, betas=(0.5, 0.999), eps=1e-4)
    b = a.batch
    x_lab = torch.rand(b, 1, 28, 28)
    y_lab = torch.randint(0, 10, (b,))
    x_unl = torch.rand(b, 1, 28, 28)
    x_match = torch.rand(b, 1, 28, 28)
    flops, tfjlab_flops = step_flops(b)
    n_d = sum(q.numel() for q in d_train)
    n_fixed = sum(q.numel() for q in d_params if not q.requires_grad)
    n_g = sum(q.numel() for q in gen.parameters())
    print(f"# torch sgan_cnn: discriminator {n_d} trainable parameters (+{n_fixed} fixed scales),"
          f" generator {n_g}; matmul+conv forward+backward {flops / 1e9:.6f} GFLOP/step"
          f" (tfjlab's graph of the same step: {tfjlab_flops / 1e9:.6f})", file=sys.stderr, flush=True)

    def step():
        # discriminator: labeled, unlabeled and generated rows through the body as one batch
        with torch.no_grad():
            fake = gen(torch.rand(b, 100))
            lab = x_lab if a.no_augment else augment(x_lab)
        logits = head(body(torch.cat([lab, x_unl, fake])))
        logits_lab, logits_unl, logits_fake = logits[:b], logits[b:2 * b], logits[2 * b:]
        l_unl = torch.logsumexp(logits_unl, 1)
        l_fake = torch.logsumexp(logits_fake, 1)
        loss_lab = F.cross_entropy(logits_lab, y_lab)
        loss_unl = -l_unl.mean() + F.softplus(l_unl).mean() + F.softplus(l_fake).mean()
        d_loss = loss_lab + 0.5 * loss_unl
        d_opt.zero_grad(set_to_none=True)
        d_loss.backward()
        d_opt.step()
        # generator: feature matching on the body's last layer, discriminator frozen
        for q in d_train:
            q.requires_grad_(False)
        with torch.no_grad():
            f_real = body(x_match).mean(0)
        f_fake = body(gen(torch.rand(b, 100))).mean(0)
        g_loss = ((f_fake - f_real) ** 2).mean()
        g_opt.zero_grad(set_to_none=True)
        g_loss.backward()
        g_opt.step()
        for q in d_train:
            q.requires_grad_(True)
        with torch.no_grad():
            torch._foreach_lerp_(average, d_params, 0.001)
        return d_loss.item(), g_loss.item()

    first = step()[0]
    for _ in range(a.warmup - 1):
        step()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        last = step()[0]
    sec = time.perf_counter() - t0
    print(f"torch sgan_cnn {b} {a.steps / sec:.2f} {a.steps * b / sec:.1f} {first:.4f} {last:.4f}", flush=True)


if __name__ == "__main__":
    main()
