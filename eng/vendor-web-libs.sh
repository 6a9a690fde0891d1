#!/usr/bin/env bash
# Refreshes the browser libraries served from src/Rapport.Web/wwwroot/lib from the pinned npm tree in eng/web-libs.
# The vendored files are committed, so neither `dotnet run` nor CI needs npm; run this only to change a version
# (edit eng/web-libs/package.json, then run this script and commit the result).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/../src/Rapport.Web/wwwroot/lib"

cd "$here/web-libs"
npm ci --no-audit --no-fund

mkdir -p "$lib/cytoscape"
cp node_modules/cytoscape/dist/cytoscape.min.js "$lib/cytoscape/"
cp node_modules/cytoscape/LICENSE "$lib/cytoscape/LICENSE"
version="$(node -p "require('./node_modules/cytoscape/package.json').version")"
printf 'cytoscape %s from npm (https://www.npmjs.com/package/cytoscape), MIT licence: see LICENSE.\n' "$version" > "$lib/cytoscape/VERSION"
echo "vendored cytoscape $version into $lib/cytoscape"
