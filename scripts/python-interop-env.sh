#!/usr/bin/env bash
# Creates (once) the Python environment the interop tests use to check what users do with our
# outputs: load SavedModels with TensorFlow for Python, validate notebooks with nbformat/nbconvert,
# read event files with TensorBoard. Idempotent. By default it never fails the build: without a
# reachable pip index the interop tests say they are skipped. With TFJLAB_REQUIRE_INTEROP=1 (what
# .ci/run sets) an environment it cannot create is an error: it exits 1 with a one-line message, and
# the interop tests fail instead of skipping.
#   scripts/python-interop-env.sh [VENV_DIR]     (default: .venv-interop at the repository root)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${1:-$ROOT/.venv-interop}"
PY="$VENV/bin/python"
PACKAGES=(tensorflow-cpu==2.21.0 tensorboard nbformat nbconvert nbclient ipykernel)
REQUIRED="${TFJLAB_REQUIRE_INTEROP:-}"
[[ "$REQUIRED" == "0" || "$REQUIRED" == "false" ]] && REQUIRED=""

# Without the environment: a skip notice, or with TFJLAB_REQUIRE_INTEROP set, an error.
missing() {
  if [[ -n "$REQUIRED" ]]; then
    echo "python-interop: ERROR: $1; TFJLAB_REQUIRE_INTEROP is set, so the interop tests may not be skipped (unset it to skip them)" >&2
    exit 1
  fi
  echo "python-interop: $1; interop tests will be skipped"
  exit 0
}

if [[ -x "$PY" ]] && "$PY" -c "import tensorflow, tensorboard, nbformat, nbconvert, nbclient, ipykernel" >/dev/null 2>&1 \
   && [[ -f "$VENV/share/jupyter/kernels/python3/kernel.json" ]]; then
  echo "python-interop: $VENV ready"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  missing "no python3 on this machine"
fi
echo "python-interop: creating $VENV (${PACKAGES[*]}) ..."
rm -rf "$VENV"
if python3 -m venv "$VENV" >/dev/null 2>&1 \
   && "$VENV/bin/pip" install -q --disable-pip-version-check --retries 0 "${PACKAGES[@]}" >"$VENV.log" 2>&1 \
   && "$PY" -m ipykernel install --sys-prefix >>"$VENV.log" 2>&1 \
   && "$PY" -c "import tensorflow, tensorboard, nbformat, nbconvert, nbclient, ipykernel" >/dev/null 2>&1; then
  echo "python-interop: ready ($("$PY" -c 'import tensorflow as t; print("tensorflow", t.__version__)' 2>/dev/null))"
  rm -f "$VENV.log"
  exit 0
fi
rm -rf "$VENV"
if [[ -s "$VENV.log" ]]; then
  missing "could not install ${PACKAGES[*]} into $VENV (pip failed; see $VENV.log)"
fi
missing "could not create a virtualenv at $VENV (python3 -m venv failed; on Debian: apt-get install python3-venv)"
