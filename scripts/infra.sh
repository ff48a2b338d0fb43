#!/usr/bin/env bash
# Local infrastructure for Parley's distributed mode: Redis, Kafka (KRaft) and
# Cassandra as real servers on 127.0.0.1, without Docker. Installs what is missing
# (redis-server from apt, server jars from Maven Central), then runs the servers
# with plain `java` / `redis-server`. See scripts/infra/README.md.
#
#   bash scripts/infra.sh up [SVC...]        start (installing if needed) and wait until ready
#   bash scripts/infra.sh down [--wipe]      stop everything (--wipe: also delete data and logs)
#   bash scripts/infra.sh status [SVC...]    pid / port / up-or-down (exit 3 if any is down)
#   bash scripts/infra.sh start SVC...       same as up, for the named services
#   bash scripts/infra.sh stop SVC...        SIGTERM, SIGKILL after a timeout; data is kept
#   bash scripts/infra.sh restart SVC...     stop then start
#   bash scripts/infra.sh kill SVC...        SIGKILL at once (crash simulation); data is kept
#   bash scripts/infra.sh probe SVC          one real client request (scripts/infra/probe.mjs)
#   bash scripts/infra.sh logs SVC           last lines of the server log
#   bash scripts/infra.sh install [SVC...]   only install/fetch, start nothing
# SVC is redis, kafka or cassandra (default: all three).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INFRA="$ROOT/scripts/infra"

DIR=${PARLEY_INFRA_DIR:-/tmp/parley-infra}
CACHE=${PARLEY_INFRA_HOME:-${HOME:-/root}/.cache/parley-infra}
LIB="$CACHE/lib"
RUN="$DIR/run"
LOGS="$DIR/logs"

REDIS_PORT=${PARLEY_INFRA_REDIS_PORT:-6379}
KAFKA_PORT=${PARLEY_INFRA_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${PARLEY_INFRA_KAFKA_CONTROLLER_PORT:-9093}
CASSANDRA_PORT=${PARLEY_INFRA_CASSANDRA_PORT:-9042}
CASSANDRA_STORAGE_PORT=${PARLEY_INFRA_CASSANDRA_STORAGE_PORT:-7000}
export PARLEY_INFRA_REDIS_PORT=$REDIS_PORT PARLEY_INFRA_KAFKA_PORT=$KAFKA_PORT \
  PARLEY_INFRA_CASSANDRA_PORT=$CASSANDRA_PORT # read by probe.mjs

KAFKA_HEAP=${PARLEY_INFRA_KAFKA_HEAP:-512m}
CASSANDRA_HEAP=${PARLEY_INFRA_CASSANDRA_HEAP:-1g}
# Extra JVM flags, split on spaces (e.g. "-XX:TieredStopAtLevel=1" for faster, C1-only starts).
read -r -a KAFKA_OPTS <<<"${PARLEY_INFRA_KAFKA_OPTS:-}"
read -r -a CASSANDRA_OPTS <<<"${PARLEY_INFRA_CASSANDRA_OPTS:-}"
# Seconds to wait for readiness, and for a SIGTERM'd server to exit before SIGKILL.
REDIS_TIMEOUT=${PARLEY_INFRA_REDIS_TIMEOUT:-30}
KAFKA_TIMEOUT=${PARLEY_INFRA_KAFKA_TIMEOUT:-90}
CASSANDRA_TIMEOUT=${PARLEY_INFRA_CASSANDRA_TIMEOUT:-180}
STOP_TIMEOUT=${PARLEY_INFRA_STOP_TIMEOUT:-30}

# Fixed KRaft cluster id (base64url of "parley-infra-dev"): one node, formatted once.
KAFKA_CLUSTER_ID=cGFybGV5LWluZnJhLWRldg
ALL_SERVICES=(redis kafka cassandra)

log() { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] %s\n' "$*" >&2; }
die() {
  printf '[infra] ERROR: %s\n' "$*" >&2
  exit 1
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

port_of() {
  case $1 in
    redis) echo "$REDIS_PORT" ;;
    kafka) echo "$KAFKA_PORT" ;;
    cassandra) echo "$CASSANDRA_PORT" ;;
  esac
}
# A string that the server's command line contains (guards against a reused pid).
marker_of() {
  case $1 in
    redis) echo redis-server ;;
    kafka) echo kafka.Kafka ;;
    cassandra) echo CassandraDaemon ;;
  esac
}
logfile_of() {
  case $1 in
    redis) echo "$LOGS/redis.log" ;;
    kafka) echo "$LOGS/kafka-server.log" ;;
    cassandra) echo "$LOGS/cassandra-system.log" ;;
  esac
}
outfile_of() { echo "$LOGS/$1.out"; } # the process's stdout/stderr
timeout_of() {
  case $1 in
    redis) echo "$REDIS_TIMEOUT" ;;
    kafka) echo "$KAFKA_TIMEOUT" ;;
    cassandra) echo "$CASSANDRA_TIMEOUT" ;;
  esac
}

check_services() {
  local s
  for s in "$@"; do
    case " ${ALL_SERVICES[*]} " in *" $s "*) ;; *) die "unknown service '$s' (expected: ${ALL_SERVICES[*]})" ;; esac
  done
}

# --- processes ---------------------------------------------------------------

pid_of() { # prints the pid if the service runs, else nothing (and cleans a stale pid file)
  local f="$RUN/$1.pid" pid
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$(marker_of "$1")"; then
    echo "$pid"
  else
    rm -f "$f"
  fi
}

# True while PID exists and is not a zombie (PID 1 here may reap exited children late).
alive() {
  local st
  st=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "${st%% *}" != Z ]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

rss_mib() { ps -o rss= -p "$1" 2>/dev/null | awk '{ printf "%d", $1 / 1024 }'; }

# spawn SVC CMD...: runs CMD in its own session (it outlives this script
# and the caller's process group), stdin closed, output appended to logs/SVC.out;
# the pid file is written by the process itself just before it execs CMD.
spawn() {
  local svc=$1 pidfile="$RUN/$1.pid" i
  shift
  rm -f "$pidfile"
  printf '\n===== %s start %s =====\n' "$svc" "$(date -Is)" >>"$(outfile_of "$svc")"
  # shellcheck disable=SC2016 # $$, $0 and $@ are the inner shell's
  # 9>&-: the server must not inherit the lock of take_lock (it would hold it forever).
  setsid sh -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$(outfile_of "$svc")" 2>&1 9>&- &
  for i in $(seq 1 50); do
    [ -s "$pidfile" ] && return 0
    sleep 0.1
  done
  die "$svc: no pid file after 5 s"
}

show_log_tail() {
  local svc=$1 out log
  out=$(outfile_of "$svc")
  log=$(logfile_of "$svc")
  if [ -s "$out" ]; then # only what the last start printed
    warn "----- $out (last start) -----"
    awk -v m="===== $svc start" 'index($0, m) == 1 { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$out" |
      tail -n 40 >&2 || true
  fi
  if [ -s "$log" ]; then
    warn "----- last 40 lines of $log -----"
    tail -n 40 "$log" >&2 || true
  fi
}

# --- installation ------------------------------------------------------------

APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  [ "$(id -u)" = 0 ] || die "apt-get install $* needs root"
  local t0
  t0=$(now)
  log "apt-get install $* ..."
  mkdir -p "$CACHE"
  local out="$CACHE/apt.log"
  # Straight away if the package lists know the package, else after one `apt-get update`.
  # RUNLEVEL=1: the package's init script must not start a server of its own.
  if [ -n "$APT_UPDATED" ] ||
    ! DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -q --no-install-recommends "$@" </dev/null >"$out" 2>&1; then
    if [ -z "$APT_UPDATED" ]; then
      apt-get update -q </dev/null >>"$out" 2>&1 || warn "apt-get update failed (see $out)"
      APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -q --no-install-recommends "$@" </dev/null >>"$out" 2>&1 || {
      tail -n 20 "$out" >&2
      die "apt-get install $* failed (full output: $out)"
    }
  fi
  log "apt-get install $* done in $(since "$t0") s"
}

JAVA=
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }'; }
# Cassandra 5.0 runs on Java 11 or 17 only; Kafka 4 needs 17+. Both use Java 17.
find_java() {
  [ -n "$JAVA" ] && return 0
  if [ -n "${PARLEY_INFRA_JAVA:-}" ]; then
    JAVA=$PARLEY_INFRA_JAVA
    return 0
  fi
  local j
  for j in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/java-17-openjdk-*/bin/java /usr/lib/jvm/*17*/bin/java; do
    if [ -z "$j" ] || [ ! -x "$j" ]; then continue; fi
    if [ "$(java_major "$j")" = 17 ]; then
      JAVA=$j
      return 0
    fi
  done
  apt_install openjdk-17-jre-headless
  for j in /usr/lib/jvm/java-17-openjdk-*/bin/java; do
    [ -x "$j" ] && JAVA=$j && return 0
  done
  die "no Java 17 found (set PARLEY_INFRA_JAVA)"
}

ensure_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
}

# Jars of one pom profile (kafka|cassandra) in $LIB/SVC, fetched once. The stamp is the
# pom's checksum, so bumping a version in scripts/infra/pom.xml fetches again.
ensure_jars() {
  local svc=$1 dir="$LIB/$1" stamp tmp t0
  stamp=$(sha256sum "$INFRA/pom.xml" | cut -c1-16)
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then return 0; fi
  command -v mvn >/dev/null || apt_install maven
  find_java
  mkdir -p "$LIB"
  tmp="$dir.tmp.$$"
  rm -rf "$tmp"
  t0=$(now)
  log "fetching $svc jars from Maven Central (once; cached in $dir) ..."
  if ! JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$JAVA")")") \
    mvn -B -Dstyle.color=never -f "$INFRA/pom.xml" -P "$svc" \
    dependency:copy-dependencies -DoutputDirectory="$tmp" </dev/null >"$CACHE/mvn-$svc.log" 2>&1; then
    rm -rf "$tmp"
    tail -n 30 "$CACHE/mvn-$svc.log" >&2
    die "mvn could not fetch the $svc jars (full output: $CACHE/mvn-$svc.log)"
  fi
  echo "$stamp" >"$tmp/.stamp"
  rm -rf "$dir"
  mv "$tmp" "$dir"
  log "$svc jars ready in $(since "$t0") s ($(du -sh "$dir" | cut -f1), $(find "$dir" -name '*.jar' | wc -l) jars)"
}

ensure_installed() {
  case $1 in
    redis) ensure_redis ;;
    kafka | cassandra)
      find_java
      ensure_jars "$1"
      ;;
  esac
}

# --- starting ----------------------------------------------------------------

launch_redis() {
  mkdir -p "$DIR/redis"
  spawn redis redis-server "$INFRA/redis/redis.conf" \
    --port "$REDIS_PORT" --dir "$DIR/redis" --logfile "$(logfile_of redis)"
}

launch_kafka() {
  local data="$DIR/kafka/data" props="$DIR/kafka/server.properties" text
  mkdir -p "$data"
  text=$(<"$INFRA/kafka/server.properties")
  text=${text//@DATA_DIR@/$data}
  text=${text//@KAFKA_PORT@/$KAFKA_PORT}
  text=${text//@CONTROLLER_PORT@/$KAFKA_CONTROLLER_PORT}
  printf '%s\n' "$text" >"$props"
  local jvm=(-Xms128m "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true "-Dlog4j2.configurationFile=$INFRA/kafka/log4j2.xml" "-Dkafka.logs.dir=$LOGS"
    ${KAFKA_OPTS[@]+"${KAFKA_OPTS[@]}"} -cp "$LIB/kafka/*")
  if [ ! -f "$data/meta.properties" ]; then
    # KRaft storage is formatted once; --standalone makes this node the only controller voter.
    log "kafka: formatting $data (cluster id $KAFKA_CLUSTER_ID)"
    "$JAVA" "${jvm[@]}" kafka.tools.StorageTool format -t "$KAFKA_CLUSTER_ID" -c "$props" --standalone \
      </dev/null >>"$(outfile_of kafka)" 2>&1 9>&- || {
      show_log_tail kafka
      die "kafka: storage format failed"
    }
  fi
  spawn kafka "$JAVA" "${jvm[@]}" kafka.Kafka "$props"
}

launch_cassandra() {
  local home="$DIR/cassandra" lib="$LIB/cassandra"
  mkdir -p "$home/data" "$home/triggers"
  local jvm=("-Xms$CASSANDRA_HEAP" "-Xmx$CASSANDRA_HEAP" -Xss256k -XX:+ExitOnOutOfMemoryError
    # GC settings from Cassandra 5.0's conf/jvm17-server.options
    -XX:+UseG1GC -XX:+ParallelRefProcEnabled -XX:MaxTenuringThreshold=1 -XX:G1HeapRegionSize=16m
    -XX:G1RSetUpdatingPauseTimePercent=5 -XX:MaxGCPauseMillis=300 -XX:InitiatingHeapOccupancyPercent=70
    # JPMS opens/exports from conf/jvm17-server.options (Java 17 refuses the reflection otherwise)
    -Djdk.attach.allowAttachSelf=true
    --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
    --add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED
    --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED
    --add-exports java.rmi/sun.rmi.server=ALL-UNNAMED
    --add-exports java.sql/java.sql=ALL-UNNAMED
    --add-exports java.base/java.lang.ref=ALL-UNNAMED
    --add-exports jdk.unsupported/sun.misc=ALL-UNNAMED
    --add-exports jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
    --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED
    --add-opens java.base/java.lang.module=ALL-UNNAMED
    --add-opens java.base/jdk.internal.loader=ALL-UNNAMED
    --add-opens java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens java.base/jdk.internal.reflect=ALL-UNNAMED
    --add-opens java.base/jdk.internal.math=ALL-UNNAMED
    --add-opens java.base/jdk.internal.module=ALL-UNNAMED
    --add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED
    --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens java.base/java.io=ALL-UNNAMED
    --add-opens java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens jdk.compiler/com.sun.tools.javac=ALL-UNNAMED
    --add-opens java.base/java.lang=ALL-UNNAMED
    --add-opens java.base/java.util=ALL-UNNAMED
    -Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.useCacheForAllThreads=true
    -Dio.netty.allocator.maxOrder=11
    # jamm measures memtable sizes; cassandra-env.sh loads it as an agent too
    "-javaagent:$(find "$lib" -name 'jamm-*.jar' | head -n 1)"
    -Djava.net.preferIPv4Stack=true
    "-Dcassandra.config=file://$INFRA/cassandra/cassandra.yaml"
    "-Dlogback.configurationFile=file://$INFRA/cassandra/logback.xml"
    "-Dcassandra.logdir=$LOGS" "-Dcassandra.storagedir=$home/data" "-Dcassandra.triggers_dir=$home/triggers"
    "-Dcassandra.native_transport_port=$CASSANDRA_PORT" "-Dcassandra.storage_port=$CASSANDRA_STORAGE_PORT"
    -Dcassandra-foreground=yes
    # Fast single-node start: no gossip settling, no ring delay, default role at once.
    -Dcassandra.skip_wait_for_gossip_to_settle=0 -Dcassandra.ring_delay_ms=0
    -Dcassandra.superuser_setup_delay_ms=0
    # Dev/CI: skip fsync (data still survives a killed process, not a power cut).
    -Dcassandra.skip_sync=true -Dcassandra.unsafesystem=true
    ${CASSANDRA_OPTS[@]+"${CASSANDRA_OPTS[@]}"} -cp "$lib/*")
  # As root, Cassandra mlockall()s the whole JVM (RSS >= heap at once). Drop CAP_IPC_LOCK
  # so that mlockall fails harmlessly under the 8 MiB RLIMIT_MEMLOCK ("Unable to lock JVM
  # memory (ENOMEM)" in the log); Cassandra needs no other root check (no -R here).
  local pre=()
  if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
    setpriv --inh-caps=-ipc_lock --bounding-set=-ipc_lock true 2>/dev/null; then
    pre=(setpriv --inh-caps=-ipc_lock --bounding-set=-ipc_lock)
  fi
  spawn cassandra "${pre[@]}" sh -c 'ulimit -l 8192 2>/dev/null; exec "$@"' sh "$JAVA" "${jvm[@]}" \
    org.apache.cassandra.service.CassandraDaemon
}

# Polls probe.mjs (a real client request) until it succeeds, the process dies or the
# timeout passes; the last two print the end of the server log and fail.
wait_ready() {
  local svc=$1 t0=$2 timeout port pid err="" start=$SECONDS mod
  timeout=$(timeout_of "$svc")
  port=$(port_of "$svc")
  case $svc in redis) mod=ioredis ;; kafka) mod=kafkajs ;; cassandra) mod=cassandra-driver ;; esac
  [ -d "$ROOT/node_modules/$mod" ] || warn "$svc: waiting for $ROOT/node_modules/$mod (run npm ci; probe.mjs needs it)"
  while :; do
    pid=$(pid_of "$svc")
    if [ -z "$pid" ]; then
      show_log_tail "$svc"
      die "$svc exited during startup (logs in $LOGS)"
    fi
    # Kafka counts as ready once a consumer group can join and fetch: on a fresh broker
    # that also waits for __consumer_offsets, which the first test would otherwise hit.
    if port_open "$port" && err=$(node "$INFRA/probe.mjs" "$([ "$svc" = kafka ] && echo kafka-group || echo "$svc")" 2>&1 >/dev/null); then
      break
    fi
    if ((SECONDS - start >= timeout)); then
      show_log_tail "$svc"
      [ -n "$err" ] && warn "last probe error: $err"
      die "$svc not ready after $timeout s (pid $pid still running; logs in $LOGS)"
    fi
    sleep 1
  done
  log "$svc ready in $(since "$t0") s (pid $pid, 127.0.0.1:$port, RSS $(rss_mib "$pid") MiB)"
}

start_services() {
  local svc pid port
  local -A t0=()
  local launched=()
  for svc in "$@"; do ensure_installed "$svc"; done
  command -v node >/dev/null || die "node not found (probe.mjs needs Node 20)"
  # Launch all first (Cassandra, the slowest, first), then wait for each: the starts overlap.
  for svc in cassandra kafka redis; do
    case " $* " in *" $svc "*) ;; *) continue ;; esac
    pid=$(pid_of "$svc")
    port=$(port_of "$svc")
    if [ -n "$pid" ]; then
      log "$svc already running (pid $pid)"
    else
      if port_open "$port"; then
        die "$svc: port $port is already taken by another process: $(ss -ltnpH "sport = :$port" 2>/dev/null | head -n 1)"
      fi
      t0[$svc]=$(now)
      "launch_$svc"
      log "$svc starting (pid $(cat "$RUN/$svc.pid"), port $port)"
    fi
    launched+=("$svc")
  done
  for svc in redis kafka cassandra; do
    case " ${launched[*]} " in *" $svc "*) ;; *) continue ;; esac
    wait_ready "$svc" "${t0[$svc]:-$(now)}"
  done
}

# --- stopping ----------------------------------------------------------------

# stop_services SIGNAL SVC...: signals all of them at once, waits up to STOP_TIMEOUT s
# for them to exit, then SIGKILLs what is left. Data stays.
stop_services() {
  local signal=$1 svc pid t0 i left
  shift
  local -A pids=()
  t0=$(now)
  for svc in "$@"; do
    pid=$(pid_of "$svc")
    if [ -z "$pid" ]; then
      log "$svc not running"
      continue
    fi
    pids[$svc]=$pid
    kill "-$signal" "$pid" 2>/dev/null || true
  done
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    left=
    for svc in "${!pids[@]}"; do alive "${pids[$svc]}" && left=1; done
    [ -n "$left" ] || break
    sleep 0.1
  done
  for svc in "$@"; do
    [ -n "${pids[$svc]:-}" ] || continue
    pid=${pids[$svc]}
    if alive "$pid"; then
      warn "$svc (pid $pid) still running after ${STOP_TIMEOUT} s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while alive "$pid"; do sleep 0.1; done
    fi
    rm -f "$RUN/$svc.pid"
    log "$svc stopped (SIG$signal, pid $pid)"
  done
  [ ${#pids[@]} -eq 0 ] || log "stopped in $(since "$t0") s"
}

# --- status ------------------------------------------------------------------

status() {
  local svc pid port state rc=0
  printf '%-10s %-8s %-8s %-17s %-8s %s\n' SERVICE STATE PID ADDRESS RSS LOG
  for svc in "$@"; do
    pid=$(pid_of "$svc")
    port=$(port_of "$svc")
    if [ -z "$pid" ]; then
      state=down
      rc=3
    elif port_open "$port"; then
      state=up
    else
      state=starting
      rc=3
    fi
    printf '%-10s %-8s %-8s %-17s %-8s %s\n' "$svc" "$state" "${pid:--}" "127.0.0.1:$port" \
      "$([ -n "$pid" ] && echo "$(rss_mib "$pid")MiB" || echo -)" "$(logfile_of "$svc")"
  done
  return $rc
}

# --- main --------------------------------------------------------------------

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

prepare_dirs() {
  mkdir -p "$RUN" "$LOGS"
  [ -f "$DIR/.parley-infra" ] || echo "runtime folder of scripts/infra.sh" >"$DIR/.parley-infra"
}

# One infra.sh at a time changes things (two concurrent `up`s would race on the ports).
take_lock() {
  exec 9>"$RUN/.lock"
  flock -w 300 9 || die "another infra.sh holds $RUN/.lock"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
  up | start)
    [ $# -gt 0 ] || set -- "${ALL_SERVICES[@]}"
    check_services "$@"
    prepare_dirs
    take_lock
    start_services "$@"
    status "${ALL_SERVICES[@]}" || true
    log "logs: $LOGS"
    ;;
  stop | kill)
    [ $# -gt 0 ] || die "usage: infra.sh $cmd SVC... (or: infra.sh down)"
    check_services "$@"
    prepare_dirs
    take_lock
    stop_services "$([ "$cmd" = kill ] && echo KILL || echo TERM)" "$@"
    ;;
  restart)
    [ $# -gt 0 ] || set -- "${ALL_SERVICES[@]}"
    check_services "$@"
    prepare_dirs
    take_lock
    stop_services TERM "$@"
    start_services "$@"
    ;;
  down)
    wipe=
    for a in "$@"; do
      case $a in --wipe) wipe=1 ;; *) die "usage: infra.sh down [--wipe]" ;; esac
    done
    if [ -d "$RUN" ]; then
      take_lock
      stop_services TERM cassandra kafka redis
    else
      log "nothing running ($DIR does not exist)"
    fi
    if [ -n "$wipe" ] && [ -d "$DIR" ]; then
      [ -f "$DIR/.parley-infra" ] || die "$DIR was not made by infra.sh: not deleting it"
      rm -rf "$DIR"
      log "wiped $DIR (data, logs, pids); downloaded jars stay in $LIB"
    fi
    ;;
  status)
    [ $# -gt 0 ] || set -- "${ALL_SERVICES[@]}"
    check_services "$@"
    status "$@"
    ;;
  probe)
    [ $# -eq 1 ] || die "usage: infra.sh probe redis|kafka|kafka-group|cassandra"
    exec node "$INFRA/probe.mjs" "$1"
    ;;
  logs)
    [ $# -eq 1 ] || die "usage: infra.sh logs SVC"
    check_services "$1"
    for f in "$(outfile_of "$1")" "$(logfile_of "$1")"; do
      if [ -f "$f" ]; then
        echo "== $f"
        tail -n 50 "$f"
      fi
    done
    ;;
  install)
    [ $# -gt 0 ] || set -- "${ALL_SERVICES[@]}"
    check_services "$@"
    for svc in "$@"; do ensure_installed "$svc"; done
    ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
