#!/usr/bin/env bash
# Sourced by the server scripts: await_free_ports PORT... waits (up to 60 s) until no socket on this machine uses any
# of the ports, since a server that finds its port taken (by a listener, or by a client connection that the kernel gave
# that port as its ephemeral local port) fails to start. Without ss (iproute2) it does not wait.
await_free_ports() {
  command -v ss >/dev/null || return 0
  local port busy
  for _ in $(seq 60); do
    busy=
    for port in "$@"; do
      [ -n "$(ss -Htan "( sport = :$port )" 2>/dev/null | grep -v TIME-WAIT)" ] && busy="$busy $port"
    done
    [ -z "$busy" ] && return 0
    echo "port(s)$busy in use on this machine; waiting for them to be free"
    sleep 1
  done
  echo "port(s)$busy still in use after 60 s:"; ss -tanp "( sport = :${busy# } )" || true
  return 1
}
