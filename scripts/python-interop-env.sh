#!/usr/bin/env bash
# Creates (once) the Python environment the interop tests use to check what users do with our
# outputs: load SavedModels with TensorFlow for Python, validate notebooks with nbformat/nbconvert,
# read event files with TensorBoard. Idempotent; never fails the build: without a reachable pip
# index the interop tests say they are skipped.
#   scripts/python-interop-env.sh [VENV_DIR]     (default: .venv-interop at the repository root)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${1:-$ROOT/.venv-interop}"
PY="$VENV/bin/python"
PACKAGES=(tensorflow-cpu==2.21.0 tensorboard nbformat nbconvert)

if [[ -x "$PY" ]] && "$PY" -c "import tensorflow, tensorboard, nbformat, nbconvert" >/dev/null 2>&1; then
  echo "python-interop: $VENV ready"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "python-interop: no python3 on this machine; interop tests will be skipped"
  exit 0
fi
echo "python-interop: creating $VENV (${PACKAGES[*]}) ..."
rm -rf "$VENV"
if python3 -m venv "$VENV" >/dev/null 2>&1 \
   && "$VENV/bin/pip" install -q --disable-pip-version-check --retries 0 "${PACKAGES[@]}" >"$VENV.log" 2>&1 \
   && "$PY" -c "import tensorflow, tensorboard, nbformat, nbconvert" >/dev/null 2>&1; then
  echo "python-interop: ready ($("$PY" -c 'import tensorflow as t; print("tensorflow", t.__version__)' 2>/dev/null))"
  rm -f "$VENV.log"
else
  echo "python-interop: could not install ${PACKAGES[*]} (see $VENV.log); interop tests will be skipped"
  rm -rf "$VENV"
fi
exit 0
