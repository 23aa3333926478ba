#!/usr/bin/env bash
# Runs RabbitMQ from Debian's rabbitmq-server package in the foreground as its own node:
# data in $1, AMQP port $2, node name $3, Erlang distribution port $4.
# rabbitmqctl reaches it with HOME=$1 and -n $3.
set -euo pipefail
data_dir=$(realpath -m "$1"); port=$2; node=$3; dist_port=$4
mkdir -p "$data_dir/mnesia" "$data_dir/log"
# Everything printed also goes to $1-console.log, for a test that reports why the node did not start.
exec > >(tee -a "$data_dir-console.log") 2>&1
source "$(dirname "$(realpath "${BASH_SOURCE[0]}")")/free-ports.sh"
export HOME="$data_dir"
export RABBITMQ_NODENAME="$node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="$dist_port"
export ERL_CRASH_DUMP="$data_dir/log/erl_crash.dump"
export RABBITMQ_MNESIA_BASE="$data_dir/mnesia"
export RABBITMQ_LOG_BASE="$data_dir/log"
export RABBITMQ_LOGS=-                      # log to stdout, so the dashboard shows it
export RABBITMQ_ENABLED_PLUGINS_FILE="$data_dir/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$data_dir/rabbitmq"
[ -f "$data_dir/enabled_plugins" ] || echo '[].' >"$data_dir/enabled_plugins"
[ -f "$data_dir/rabbitmq.conf" ] || printf '# bound to 127.0.0.1 only (RABBITMQ_NODE_IP_ADDRESS); guest may connect from loopback\n' >"$data_dir/rabbitmq.conf"
# A node left running by a run that was killed is stopped first.
if /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" -q status >/dev/null 2>&1; then
  echo "stopping RabbitMQ node $node left running"
  /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" -q stop >/dev/null 2>&1 || true
fi
await_free_ports "$port" "$dist_port"
# Debian's rabbitmq-server exits 0 even when the node fails to boot (its port taken, say). Here a node that stops
# without being asked exits 1, so that the AppHost shows it failed; SIGTERM (the AppHost stopping it) exits 0.
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" || true; exit 0' TERM INT
/usr/lib/rabbitmq/bin/rabbitmq-server &
server=$!
wait "$server" || true
echo "RabbitMQ node $node stopped without being asked to (see the lines above)"
exit 1
