#!/usr/bin/env bash
# A Spark standalone master and worker on this machine, started from the Maven jars of tf-cluster
# (no Spark download): ./scripts/spark-standalone.sh start|stop [DIR]
#   start: builds tf-cluster if needed, makes DIR/home/jars (links to its classpath: the worker
#   starts executors with SPARK_HOME/jars/*), starts the master on spark://127.0.0.1:7077 (web UI
#   :8090) and a worker with 2 cores (web UI :8091); pids and logs in DIR (default /tmp/tfjlab-spark).
#   Then: ./tfjlab sweep --grid G --cluster spark://127.0.0.1:7077 --conf spark.driver.host=127.0.0.1
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${2:-/tmp/tfjlab-spark}"
case "${1:-}" in
  start)
    if [[ ! -f "$ROOT/tf-cluster/target/classpath.txt" ]]; then
      (cd "$ROOT" && mvn -B -q -DskipTests -Dinterop.skip=true -Dspotless.check.skip=true -pl tf-cluster -am install)
    fi
    CP="$ROOT/tf-cluster/target/tfjlab-cluster.jar:$(cat "$ROOT/tf-cluster/target/classpath.txt")"
    FLAGS="$(sed -n 's/.*<spark.jvm.flags>\(.*\)<\/spark.jvm.flags>.*/\1/p' "$ROOT/tf-cluster/pom.xml")"
    rm -rf "$DIR/home" && mkdir -p "$DIR/home/jars" "$DIR/work"
    tr ':' '\n' <<<"$CP" | while read -r jar; do ln -sf "$jar" "$DIR/home/jars/"; done
    export SPARK_HOME="$DIR/home" SPARK_SCALA_VERSION=2.13
    # shellcheck disable=SC2086
    nohup java -Xmx512m $FLAGS -cp "$CP" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port 7077 --webui-port 8090 >"$DIR/master.log" 2>&1 &
    echo $! >"$DIR/master.pid"
    sleep 5
    # shellcheck disable=SC2086
    nohup java -Xmx512m $FLAGS -cp "$CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
      --cores 2 --memory 6g --work-dir "$DIR/work" --webui-port 8091 spark://127.0.0.1:7077 \
      >"$DIR/worker.log" 2>&1 &
    echo $! >"$DIR/worker.pid"
    echo "master spark://127.0.0.1:7077 (pid $(cat "$DIR/master.pid")), worker pid $(cat "$DIR/worker.pid"); logs in $DIR"
    ;;
  stop)
    for p in worker master; do
      [[ -f "$DIR/$p.pid" ]] && kill "$(cat "$DIR/$p.pid")" 2>/dev/null && rm -f "$DIR/$p.pid"
    done
    echo "stopped"
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
