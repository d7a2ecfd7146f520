#!/usr/bin/env bash
# Semi-supervised GAN step, side by side: tfjlab (./tfjlab bench --model sgan [--discriminator cnn])
# against PyTorch eager and JAX (each update one jit-compiled function), for the MLP discriminator
# (the peers of ../shared/bench: torch/sgan_step.py, jax/sgan_step.py) and the CNN one
# (bench/torch/sgan_cnn_step.py, bench/jax/sgan_cnn_step.py). Interleaved: ROUNDS rounds, the two
# steps inside each round, the stack order rotated from round to round; one process per run.
# Prints every run (stderr) and a summary (stdout): median steps/s per (stack, step) and the
# ratios tfjlab / torch, tfjlab / jax, tfjlab / best peer.
#
# Environment: ROUNDS (3), STEPS (150 timed steps), WARMUP (20), THREADS (2), SGAN_STEPS (mlp,cnn),
#   STACKS (tfjlab,torch,jax), TORCH_PYTHON / JAX_PYTHON (python3), PEER_BENCH (../shared/bench
#   from the project root), TFJLAB (the project's ./tfjlab), AUGMENT (1: the CNN step augments its
#   labeled batch, tfjlab's default; 0: --no-augment on every stack).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ROUNDS=${ROUNDS:-3}
STEPS=${STEPS:-150}
WARMUP=${WARMUP:-20}
THREADS=${THREADS:-2}
SGAN_STEPS=${SGAN_STEPS:-mlp,cnn}
STACKS=${STACKS:-tfjlab,torch,jax}
TORCH_PYTHON=${TORCH_PYTHON:-python3}
JAX_PYTHON=${JAX_PYTHON:-python3}
PEER_BENCH=${PEER_BENCH:-$ROOT/../shared/bench}
TFJLAB=${TFJLAB:-$ROOT/tfjlab}
AUGMENT=${AUGMENT:-1}
export OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS"
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}

OUT="$(mktemp -d /tmp/tfjlab-run-sgan.XXXXXX)"
RAW="$OUT/raw.txt"   # round stack step steps_per_s
LOG="$OUT/stderr.log"
: >"$RAW"
noaug=()
[[ "$AUGMENT" == 0 ]] && noaug=(--no-augment)

run_one() {  # stack step round
  local s=$1 k=$2 r=$3 out sps script
  echo "=== round $r $s $k" >>"$LOG"
  case "$s" in
    tfjlab)
      local disc=() aug=()
      [[ "$k" == cnn ]] && disc=(--discriminator cnn) && aug=("${noaug[@]}")
      out=$("$TFJLAB" bench --model sgan "${disc[@]}" "${aug[@]}" --rounds 1 --warmup "$WARMUP" \
              --steps "$STEPS" --threads "$THREADS" 2>>"$LOG" | grep -E "round 1: " | head -n 1) || true
      sps=$(grep -oE "[0-9.]+ steps/s" <<<"$out" | grep -oE "^[0-9.]+" || true) ;;
    torch|jax)
      local py=$TORCH_PYTHON
      [[ "$s" == jax ]] && py=$JAX_PYTHON
      if [[ "$k" == mlp ]]; then script="$PEER_BENCH/$s/sgan_step.py"; aug=()
      else script="$HERE/$s/sgan_cnn_step.py"; aug=("${noaug[@]}"); fi
      out=$("$py" "$script" --warmup "$WARMUP" --steps "$STEPS" --threads "$THREADS" "${aug[@]}" \
              2>>"$LOG" | grep -E "^$s sgan" | tail -n 1) || true
      sps=$(awk '{print $4}' <<<"$out") ;;
    *) echo "unknown stack $s" >&2; return 1 ;;
  esac
  if [[ -n "${sps:-}" ]]; then
    echo "$r $s $k $sps" >>"$RAW"; echo "[round $r] $s sgan-$k: $out" >&2
  else
    echo "$r $s $k FAILED" >>"$RAW"; echo "[round $r] $s sgan-$k FAILED (see $LOG)" >&2
  fi
}

read -r -a ST <<<"${STACKS//,/ }"
n=${#ST[@]}
for ((r = 1; r <= ROUNDS; r++)); do
  for k in ${SGAN_STEPS//,/ }; do
    for ((i = 0; i < n; i++)); do
      run_one "${ST[$(( (i + r - 1) % n ))]}" "$k" "$r"
    done
  done
done

echo "# semi-supervised GAN step, batch 100: steps $STEPS, warmup $WARMUP, threads $THREADS, rounds $ROUNDS, augment $AUGMENT ($(nproc) cores; raw: $RAW, logs: $LOG)"
python3 - "$RAW" "$STACKS" "$SGAN_STEPS" <<'PY'
import sys, statistics as st
raw, stacks, kinds = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(",")
runs = {}
for line in open(raw):
    r, s, k, v = line.split()
    if v != "FAILED":
        runs.setdefault((s, k), []).append(float(v))
med = {key: st.median(v) for key, v in runs.items()}
for k in kinds:
    for s in stacks:
        v = runs.get((s, k))
        print(f"{s} sgan-{k} " + (f"{med[(s, k)]:.2f} steps/s  # runs: {' '.join(f'{x:.2f}' for x in v)}" if v else "FAILED"))
for k in kinds:
    if ("tfjlab", k) not in med:
        print(f"ratio sgan-{k}: tfjlab n/a"); continue
    t = med[("tfjlab", k)]
    peers = [s for s in stacks if s != "tfjlab" and (s, k) in med]
    parts = [f"tfjlab/{s}={t / med[(s, k)]:.2f}" for s in peers]
    if peers:
        best = max(peers, key=lambda s: med[(s, k)])
        parts.append(f"tfjlab/best({best})={t / med[(best, k)]:.2f}")
    print(f"ratio sgan-{k} " + " ".join(parts))
PY
