#!/usr/bin/env bash
# Starts the PostgreSQL and RabbitMQ that the integration tests use, in $1 (fresh each run), and prints the
# environment the tests read. Sourced by eng/test.sh; stop them with: stop_test_servers.

test_data=$(realpath -m "$1")
postgres_port=${SM_TEST_POSTGRES_PORT:-26432}
amqp_port=${SM_TEST_RABBITMQ_PORT:-26682}
rabbit_node=${SM_TEST_RABBITMQ_NODE:-sm-tests@localhost}
password=tests
here=$(dirname "$(realpath "${BASH_SOURCE[0]}")")

rm -rf "$test_data"; mkdir -p "$test_data"
POSTGRES_PASSWORD=$password "$here/postgres-server.sh" "$test_data/postgres" "$postgres_port" >"$test_data/postgres.log" 2>&1 &
echo $! >"$test_data/postgres.pid"
"$here/rabbitmq-server.sh" "$test_data/rabbitmq" "$amqp_port" "$rabbit_node" $((amqp_port + 1)) >"$test_data/rabbitmq.log" 2>&1 &
echo $! >"$test_data/rabbitmq.pid"

wait_for() { # what, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$what did not start; its log:"; cat "$test_data/$what.log"; return 1
}
wait_for postgres 60 /usr/lib/postgresql/15/bin/pg_isready -h 127.0.0.1 -p "$postgres_port"
wait_for rabbitmq 120 env HOME="$test_data/rabbitmq" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$rabbit_node" -q await_startup

export SM_TEST_POSTGRES="Host=127.0.0.1;Port=$postgres_port;Username=postgres;Password=$password"
export SM_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp_port/"

stop_test_servers() {
  HOME="$test_data/rabbitmq" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$rabbit_node" -q stop >/dev/null 2>&1 || true
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$test_data/postgres" -m fast -w stop >/dev/null 2>&1 \
    || /usr/lib/postgresql/15/bin/pg_ctl -D "$test_data/postgres" -m fast -w stop >/dev/null 2>&1 || true
}
