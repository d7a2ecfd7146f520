#!/usr/bin/env bash
# Inference, side by side: tfjlab (./tfjlab bench --model M --inference: the evaluation pass, the
# validation code path, and the exported SavedModel's serving_default) against Keras 3
# (bench/keras/predict.py: model.predict, model.evaluate and a @tf.function serving call) on the
# same networks and batch sizes. Interleaved: ROUNDS rounds; models and batch sizes inside each
# round; the stack order alternates from round to round; one process per run. Prints every run
# (stderr) and a summary (stdout): median images/s per (stack, mode, model, batch) and the ratios
# tfjlab evaluation / keras predict, tfjlab savedmodel / keras predict (the issue's targets), and
# each against keras evaluate / keras serve.
#
# Environment: ROUNDS (3), MODELS (mlp,cnn), BATCHES (32,128,512), STEPS (100 timed batches),
#   WARMUP (10 batches), THREADS (2), KERAS_PYTHON (python3; tensorflow-cpu 2.21 + keras 3),
#   TFJLAB (the project's ./tfjlab).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ROUNDS=${ROUNDS:-3}
MODELS=${MODELS:-mlp,cnn}
BATCHES=${BATCHES:-32,128,512}
STEPS=${STEPS:-100}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
KERAS_PYTHON=${KERAS_PYTHON:-python3}
TFJLAB=${TFJLAB:-$ROOT/tfjlab}
export OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS"
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}

OUT="$(mktemp -d /tmp/tfjlab-run-inference.XXXXXX)"
RAW="$OUT/raw.txt"   # round stack mode model batch images_per_s
LOG="$OUT/stderr.log"
: >"$RAW"

run_one() {  # stack model batch round
  local s=$1 m=$2 b=$3 r=$4 out
  echo "=== round $r $s $m $b" >>"$LOG"
  case "$s" in
    tfjlab)
      out=$("$TFJLAB" bench --model "$m" --inference --batch-size "$b" --rounds 1 --warmup "$WARMUP" \
              --steps "$STEPS" --threads "$THREADS" 2>>"$LOG" | grep -E "inference batch $b round 1: " | head -n 1) || true
      if [[ "$out" =~ evaluation\ ([0-9.]+)\ images/s,\ savedmodel\ ([0-9.]+)\ images/s ]]; then
        echo "$r tfjlab evaluation $m $b ${BASH_REMATCH[1]}" >>"$RAW"
        echo "$r tfjlab savedmodel $m $b ${BASH_REMATCH[2]}" >>"$RAW"
        echo "[round $r] $out" >&2
      else
        echo "$r tfjlab evaluation $m $b FAILED" >>"$RAW"; echo "[round $r] tfjlab $m $b FAILED (see $LOG)" >&2
      fi ;;
    keras)
      out=$("$KERAS_PYTHON" "$HERE/keras/predict.py" --models "$m" --batch "$b" --warmup "$WARMUP" \
              --steps "$STEPS" --threads "$THREADS" 2>>"$LOG" | grep -E "^keras $m ") || true
      if [[ -n "$out" ]]; then
        while read -r _ mm mode bb v; do echo "$r keras $mode $mm $bb $v" >>"$RAW"; done <<<"$out"
        echo "[round $r] $(tr '\n' ';' <<<"$out")" >&2
      else
        echo "$r keras predict $m $b FAILED" >>"$RAW"; echo "[round $r] keras $m $b FAILED (see $LOG)" >&2
      fi ;;
    *) echo "unknown stack $s" >&2; return 1 ;;
  esac
}

for ((r = 1; r <= ROUNDS; r++)); do
  for m in ${MODELS//,/ }; do
    for b in ${BATCHES//,/ }; do
      if (( r % 2 )); then run_one tfjlab "$m" "$b" "$r"; run_one keras "$m" "$b" "$r"
      else run_one keras "$m" "$b" "$r"; run_one tfjlab "$m" "$b" "$r"; fi
    done
  done
done

echo "# inference images/s: $STEPS timed batches after $WARMUP warm-up, threads $THREADS, rounds $ROUNDS ($(nproc) cores; raw: $RAW, logs: $LOG)"
python3 - "$RAW" "$MODELS" "$BATCHES" <<'PY'
import sys, statistics as st
raw, models, batches = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(",")
runs = {}
for line in open(raw):
    r, s, mode, m, b, v = line.split()
    if v != "FAILED":
        runs.setdefault((s, mode, m, b), []).append(float(v))
med = {k: st.median(v) for k, v in runs.items()}
modes = [("tfjlab", "evaluation"), ("tfjlab", "savedmodel"), ("keras", "predict"), ("keras", "evaluate"), ("keras", "serve")]
for m in models:
    for b in batches:
        for s, mode in modes:
            v = runs.get((s, mode, m, b))
            print(f"{s} {mode} {m} {b} " + (f"{med[(s, mode, m, b)]:.1f} images/s  # runs: {' '.join(f'{x:.0f}' for x in v)}" if v else "FAILED"))
def ratio(a, c, m, b):
    return f"{med[a + (m, b)] / med[c + (m, b)]:.2f}" if a + (m, b) in med and c + (m, b) in med else "n/a"
for m in models:
    for b in batches:
        e, sv = ("tfjlab", "evaluation"), ("tfjlab", "savedmodel")
        kp, ke, ks = ("keras", "predict"), ("keras", "evaluate"), ("keras", "serve")
        print(f"ratio {m} {b}: evaluation/predict={ratio(e, kp, m, b)} savedmodel/predict={ratio(sv, kp, m, b)}"
              f" evaluation/keras-evaluate={ratio(e, ke, m, b)} savedmodel/keras-serve={ratio(sv, ks, m, b)}")
PY
