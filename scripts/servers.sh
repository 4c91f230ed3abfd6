#!/usr/bin/env bash
# Starts and stops the servers that Chorus can run on beyond one machine, for tests and for users, on loopback ports
# and in a directory of their own. Nothing here needs Docker.
#
#   scripts/servers.sh start postgres   initdb (first time) and start PostgreSQL 15 on 127.0.0.1:$CHORUS_PG_PORT
#   scripts/servers.sh start rabbitmq   start a RabbitMQ node of its own on 127.0.0.1:$CHORUS_AMQP_PORT
#   scripts/servers.sh start            both
#   scripts/servers.sh stop [postgres|rabbitmq]   stop what was started (both when none is named)
#   scripts/servers.sh restart postgres|rabbitmq  stop and start one (the fault tests use it)
#   scripts/servers.sh url postgres|rabbitmq      print the URL to give to --db or --queue
#
# Settings (environment): CHORUS_SERVERS (state directory, default .servers beside this script's folder),
# CHORUS_PG_PORT (default 25432), CHORUS_AMQP_PORT (default 25672; the node's distribution and epmd ports are the next two).
# The ports sit below Linux's ephemeral range (32768-60999), so an outgoing connection never holds one when a server
# (re)starts.
# PostgreSQL comes from the machine's postgresql-15 and RabbitMQ from rabbitmq-server (Debian); the script installs
# either with apt-get when it runs as root and it is missing. The RabbitMQ node has its own name, data, logs and
# epmd port, so it never meets a system-wide one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${CHORUS_SERVERS:-$root/.servers}"
pg_port="${CHORUS_PG_PORT:-25432}"
pg_data="$state/postgres/data"
pg_socket="$state/postgres/socket"
pg_log="$state/postgres/log"
amqp_port="${CHORUS_AMQP_PORT:-25672}"
rabbit_dir="$state/rabbitmq"

say() { echo "servers: $*" >&2; }

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
  done
  command -v pg_ctl >/dev/null 2>&1 && dirname "$(command -v pg_ctl)" && return 0
  return 1
}

# Runs a PostgreSQL tool as the user that owns the data: root may not run the server.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  local bin
  if ! bin="$(pg_bin)"; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      say "installing postgresql-15 with apt-get"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null
      bin="$(pg_bin)"
    else
      say "PostgreSQL is not installed (no pg_ctl) and this is not root with apt-get; install postgresql-15"
      return 1
    fi
  fi

  mkdir -p "$pg_data" "$pg_socket"
  if [[ "$(id -u)" == 0 ]]; then chown -R postgres:postgres "$state/postgres"; fi
  if [[ ! -f "$pg_data/PG_VERSION" ]]; then
    say "creating a PostgreSQL cluster in $pg_data"
    as_owner "$bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi

  if as_owner "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    say "PostgreSQL is already running on port $pg_port"
    return 0
  fi

  as_owner "$bin/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 60 \
    -o "-p $pg_port -k $pg_socket -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  say "PostgreSQL ready: $(url_postgres)"
}

stop_postgres() {
  local bin
  bin="$(pg_bin)" || return 0
  if [[ -f "$pg_data/PG_VERSION" ]] && as_owner "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null
    say "PostgreSQL stopped"
  fi
}

url_postgres() { echo "postgres://postgres@127.0.0.1:$pg_port/chorus"; }

# The node's environment: its own name, ports, data and logs, and no plugins.
rabbit_env() {
  export RABBITMQ_NODENAME="chorus-$amqp_port@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$amqp_port"
  export RABBITMQ_DIST_PORT="$((amqp_port + 1))"
  export ERL_EPMD_PORT="$((amqp_port + 2))"
  export RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia"
  export RABBITMQ_LOG_BASE="$rabbit_dir/log"
  export RABBITMQ_PID_FILE="$rabbit_dir/pid"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$rabbit_dir/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$rabbit_dir/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$rabbit_dir/advanced.config"
  export RABBITMQ_CONF_ENV_FILE="$rabbit_dir/rabbitmq-env.conf"
  export HOME="$rabbit_dir"
}

# Runs a RabbitMQ tool as the user that owns the node's files, with the node's environment.
as_rabbit() {
  local tool="/usr/lib/rabbitmq/bin/$1"
  shift
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u rabbitmq -- env HOME="$HOME" "$tool" "$@"
  else
    "$tool" "$@"
  fi
}

rabbit_running() { rabbit_env; as_rabbit rabbitmqctl -q status >/dev/null 2>&1; }

start_rabbitmq() {
  if [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      say "installing rabbitmq-server with apt-get"
      # The package would start the system-wide service; this script runs a node of its own instead.
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server >/dev/null || {
        apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q rabbitmq-server >/dev/null
      }
      rm -f /usr/sbin/policy-rc.d
    else
      say "RabbitMQ is not installed and this is not root with apt-get; install rabbitmq-server"
      return 1
    fi
  fi

  rabbit_env
  mkdir -p "$rabbit_dir/mnesia" "$rabbit_dir/log"
  [[ -f "$rabbit_dir/enabled_plugins" ]] || echo '[].' >"$rabbit_dir/enabled_plugins"
  # Quorum queues keep their log on disk; a small segment keeps the node's memory small on a laptop.
  [[ -f "$rabbit_dir/rabbitmq.conf" ]] || printf 'loopback_users = none\nlog.file.level = warning\nraft.segment_max_entries = 4096\n' >"$rabbit_dir/rabbitmq.conf"
  # A restarted node must listen again at once, while connections of the old one linger in TIME_WAIT on its port.
  printf '[{rabbit, [{tcp_listen_options, [{backlog, 128}, {nodelay, true}, {reuseaddr, true}, {linger, {true, 0}}, {exit_on_close, false}]}]}].\n' >"$rabbit_dir/advanced.config"
  : >"$rabbit_dir/rabbitmq-env.conf"
  if [[ "$(id -u)" == 0 ]]; then chown -R rabbitmq:rabbitmq "$rabbit_dir"; fi
  if [[ -f /var/lib/rabbitmq/.erlang.cookie && ! -f "$rabbit_dir/.erlang.cookie" ]]; then
    cp /var/lib/rabbitmq/.erlang.cookie "$rabbit_dir/.erlang.cookie"
    if [[ "$(id -u)" == 0 ]]; then chown rabbitmq:rabbitmq "$rabbit_dir/.erlang.cookie"; fi
    chmod 400 "$rabbit_dir/.erlang.cookie"
  fi

  if rabbit_running; then
    say "RabbitMQ is already running on port $amqp_port"
    return 0
  fi

  rm -f "$rabbit_dir/log/erl_crash.dump"
  as_rabbit rabbitmq-server -detached >/dev/null 2>&1
  local tries
  for tries in $(seq 1 90); do
    if as_rabbit rabbitmqctl -q await_startup --timeout 2 >/dev/null 2>&1; then
      say "RabbitMQ ready: $(url_rabbitmq)"
      return 0
    fi
    if [[ -f "$rabbit_dir/log/erl_crash.dump" ]]; then
      say "RabbitMQ failed to start: $(sed -n 's/^Slogan: //p' "$rabbit_dir/log/erl_crash.dump" | cut -c1-300)"
      return 1
    fi
    sleep 1
  done
  say "RabbitMQ did not start within 90 s; see $rabbit_dir/log"
  return 1
}

stop_rabbitmq() {
  [[ -x /usr/lib/rabbitmq/bin/rabbitmqctl && -d "$rabbit_dir" ]] || return 0
  rabbit_env
  local pid=""
  [[ -f "$rabbit_dir/pid" ]] && pid="$(cat "$rabbit_dir/pid" 2>/dev/null || true)"
  if as_rabbit rabbitmqctl -q status >/dev/null 2>&1; then
    as_rabbit rabbitmqctl -q shutdown >/dev/null 2>&1 || true
  fi
  # The node is gone only when its process is: a new one cannot listen on the port before.
  if [[ -n "$pid" ]]; then
    local waited
    for waited in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; sleep 1; fi
    rm -f "$rabbit_dir/pid"
    say "RabbitMQ stopped"
  fi
  if [[ "$(id -u)" == 0 ]]; then runuser -u rabbitmq -- epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
  else epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true; fi
}

url_rabbitmq() { echo "amqp://guest:guest@127.0.0.1:$amqp_port/"; }

command="${1:-}"
server="${2:-all}"
case "$command:$server" in
  start:postgres) start_postgres ;;
  start:rabbitmq) start_rabbitmq ;;
  start:all) start_postgres && start_rabbitmq ;;
  stop:postgres) stop_postgres ;;
  stop:rabbitmq) stop_rabbitmq ;;
  stop:all) stop_rabbitmq; stop_postgres ;;
  restart:postgres) stop_postgres && start_postgres ;;
  restart:rabbitmq) stop_rabbitmq && start_rabbitmq ;;
  url:postgres) url_postgres ;;
  url:rabbitmq) url_rabbitmq ;;
  *)
    echo "usage: scripts/servers.sh start|stop [postgres|rabbitmq] | restart postgres|rabbitmq | url postgres|rabbitmq" >&2
    exit 2
    ;;
esac
