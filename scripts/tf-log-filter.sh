#!/usr/bin/env bash
# Drops TensorFlow's native INFO and WARNING log lines from a stream (stdin -> stdout), keeping
# everything else, errors included. The ./tfjlab launcher pipes the CLI's stderr through it unless
# --verbose is given: TF_CPP_MIN_LOG_LEVEL=2 silences TensorFlow's own logging, but TensorFlow 2.18
# also logs through Abseil, which ignores that variable for the lines it writes before
# absl::InitializeLog() ("WARNING: All log messages before absl::InitializeLog() is called are
# written to STDERR", "I0000 ... mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is
# not enabled"). Grappler's "E... meta_optimizer.cc:...] remapper failed: ..." lines go too: an
# optimizer pass that fails is skipped and the graph runs unfused, the same numbers (issue 15 looks
# at the lost fusions; --verbose shows them). Signals are ignored here: on Ctrl-C the CLI still writes its last lines through us.
trap '' INT TERM
exec grep --line-buffered -v -E \
  -e '^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$' \
  -e '^[IW][0-9]{4} [0-9:.]+ +[0-9]+ [^ ]+:[0-9]+\] ' \
  -e '^E[0-9]{4} [0-9:.]+ +[0-9]+ meta_optimizer\.cc:[0-9]+\] [a-z_ ]+ failed: ' \
  -e '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+: [IW] [^ ]+:[0-9]+\] '
