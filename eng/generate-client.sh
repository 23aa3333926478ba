#!/usr/bin/env bash
# Regenerates the committed OpenAPI documents (clients/typescript/openapi/*.json) and the TypeScript client
# (clients/typescript/src/generated) from a build, without the AppHost: each service's OpenApiDocumentTests serves its
# document in process and, with SM_OPENAPI_OUT set, writes it instead of comparing it with the committed one.
# The services need PostgreSQL and RabbitMQ to start: with SM_TEST_POSTGRES and SM_TEST_RABBITMQ set, those are used;
# else this starts its own (eng/test-servers.sh, SM_TEST_POSTGRES_PORT / SM_TEST_RABBITMQ_PORT as there) and stops them.
# Usage: eng/generate-client.sh            then commit clients/typescript
set -euo pipefail
root=$(realpath "$(dirname "$0")/..")
cd "$root"
[ -d eng/openapi/node_modules ] || npm ci --prefix eng/openapi --no-audit --no-fund --loglevel=error
[ -d clients/typescript/node_modules ] || npm ci --prefix clients/typescript --no-audit --no-fund --loglevel=error
if [ -z "${SM_TEST_POSTGRES:-}" ] || [ -z "${SM_TEST_RABBITMQ:-}" ]; then
  source eng/test-servers.sh "${TMPDIR:-/tmp}/servicemanufacturing-openapi/servers"
  trap stop_test_servers EXIT
fi
export SM_OPENAPI_OUT="$root/clients/typescript/openapi"
for project in Registration Review Evaluation Identity Gateway; do
  dotnet build "tests/$project.Tests" -nologo -clp:ErrorsOnly
  dotnet test "tests/$project.Tests" --no-build -nologo \
    --filter "FullyQualifiedName~OpenApiDocumentTests.TheTypeScriptClientIsGeneratedFromTheDocumentAsServed"
done
cd clients/typescript
node scripts/generate.mjs
node node_modules/typescript/bin/tsc -p tsconfig.json
echo "regenerated clients/typescript (openapi/ and src/generated): commit them"
