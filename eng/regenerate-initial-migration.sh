#!/usr/bin/env bash
# Until the first release there is one migration per provider: "Initial". Rebuild both after a model change.
# After the first release, add a new migration instead: dotnet ef migrations add NAME --project src/Rapport.Migrations.<Provider>
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  rm -rf "src/Rapport.Migrations.$provider/Migrations"
  dotnet ef migrations add Initial --project "src/Rapport.Migrations.$provider" --output-dir Migrations
done
