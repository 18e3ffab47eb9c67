#!/usr/bin/env bash
# Production build of the srv app into gen/srv (what mta.yaml deploys).
# `cds build` compiles the model but copies .ts files instead of compiling them (cds-typer 0.38
# skips its build task), and copies the root package.json verbatim. So: compile srv/**/*.ts with tsc,
# ship the generated @cds-models JavaScript, and prune what the runtime must not carry.
set -euo pipefail
cd "$(dirname "$0")/.."

npx cds-typer "*" --outputDirectory @cds-models >/dev/null
rm -rf gen
npx cds build --production
npx tsc -p tsconfig.build.json
find gen/srv/srv -name '*.ts' -delete
(cd @cds-models && find . -name index.js -exec install -D {} ../gen/srv/@cds-models/{} \;)
node scripts/prune-gen-package.js gen/srv
echo "built gen/srv"
