#!/usr/bin/env bash
# tfjlab's training step with and without TensorFlow's XLA auto-clustering (TF_XLA_FLAGS), interleaved.
# Environment: ROUNDS (3), MODELS (mlp,cnn,dcgan-transfer), BATCH (128), STEPS (150), WARMUP (30),
#   TFJLAB (the project's ./tfjlab). Prints one line per run: round, model, xla=off|on, images/s.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TFJLAB=${TFJLAB:-$ROOT/tfjlab}
ROUNDS=${ROUNDS:-3}
MODELS=${MODELS:-mlp,cnn,dcgan-transfer}
BATCH=${BATCH:-128}
STEPS=${STEPS:-150}
WARMUP=${WARMUP:-30}
for r in $(seq 1 "$ROUNDS"); do
  for m in ${MODELS//,/ }; do
    for x in off on; do
      if [[ $x == on ]]; then export TF_XLA_FLAGS="--tf_xla_auto_jit=2 --tf_xla_cpu_global_jit"; else unset TF_XLA_FLAGS; fi
      v=$("$TFJLAB" bench --model "$m" --batch-size "$BATCH" --rounds 1 --steps "$STEPS" --warmup "$WARMUP" 2>/dev/null \
            | grep "round 1:" | grep -oE "[0-9.]+ images/s" || echo "FAILED")
      echo "round $r $m xla=$x $v"
    done
  done
done
