#!/usr/bin/env bash
# The run command (README): installs what is missing, restores, and starts the whole system through the AppHost:
# the Aspire dashboard, PostgreSQL, RabbitMQ, Registration, Review, Evaluation and the gateway. Idempotent; data
# survives restarts in .data/ (git-ignored). Ctrl+C stops everything it started.
set -euo pipefail
root=$(realpath "$(dirname "$0")/..")
cd "$root"
eng/prerequisites.sh
dotnet build src/AppHost -nologo -clp:ErrorsOnly

cat <<'URLS'

  ServiceManufacturing is starting (the services wait for PostgreSQL and RabbitMQ to be healthy):
    Gateway (the only public door)  http://localhost:5080
    API reference                   http://localhost:5080/api-reference
    OpenAPI documents               http://localhost:5080/openapi/{registration,review,evaluation,identity}.json
    Sign in (OpenID Connect)        http://localhost:5080/.well-known/openid-configuration
    Development users               see README.md, "Signing in" (password ServiceMfg-2023)
    Aspire dashboard                http://localhost:18888

URLS
exec dotnet run --project src/AppHost --launch-profile http --no-build
