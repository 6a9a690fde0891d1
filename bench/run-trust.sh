#!/usr/bin/env bash
# Every trust benchmark and sybil evaluation docs/benchmarks.md records, one JSON report each, in one command.
# Usage: bench/run-trust.sh [--quick] [DIR]
#   DIR      where the reports go (default: trust-results/, git-ignored)
#   --quick  leave out the 10M-edge synthetic graph
# The shared graphs are read from $RAPPORT_GRAPH_DATA, else ../shared/data/graphs beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
if [ "${1:-}" = "--quick" ]; then quick=true; shift; fi
out=${1:-trust-results}
graphs=${RAPPORT_GRAPH_DATA:-../shared/data/graphs}
mkdir -p "$out"

dotnet build -c Release -nologo -v q src/Rapport.Cli
rapport=src/Rapport.Cli/bin/Release/net10.0/rapport

run() {
  local name=$1; shift
  echo "== $name: rapport $* --json" >&2
  local started=$SECONDS
  if ! "$rapport" "$@" --json > "$out/$name.json.tmp"; then
    rm -f "$out/$name.json.tmp"
    exit 1
  fi
  mv "$out/$name.json.tmp" "$out/$name.json"
  echo "   $((SECONDS - started)) s -> $out/$name.json" >&2
}

run bench-otc bench trust --graph "$graphs/soc-sign-bitcoinotc.csv"
run bench-alpha bench trust --graph "$graphs/soc-sign-bitcoinalpha.csv"
run bench-advogato bench trust --graph "$graphs/advogato.out"
run bench-wikivote bench trust --graph "$graphs/wiki-Vote.txt"
run bench-synthetic-500k bench trust --synthetic 508837 --nodes 75879
if [ "$quick" = false ]; then
  run bench-synthetic-10m bench trust --synthetic 10000000 --queries 300 --reference-queries 50 --peer-queries 5 --peers scipy,igraph
fi

run sybil-otc eval sybil --graph "$graphs/soc-sign-bitcoinotc.csv" --sybils 1000 --attack-edges 1,3,10 --honest-sources 200
run sybil-alpha eval sybil --graph "$graphs/soc-sign-bitcoinalpha.csv" --sybils 1000 --attack-edges 1,3,10 --honest-sources 200
run sybil-advogato eval sybil --graph "$graphs/advogato.out" --sybils 1000 --attack-edges 1,3,10 --honest-sources 200
run sybil-wikivote eval sybil --graph "$graphs/wiki-Vote.txt" --sybils 1000 --attack-edges 1,3,10 --honest-sources 200

echo "All reports are in $out/." >&2
