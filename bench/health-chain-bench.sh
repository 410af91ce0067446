#!/usr/bin/env bash
# Times a cold `up --wait` of a health chain: N services, each `depends_on: {prev: {condition: service_healthy}}`,
# with 1 s interval healthchecks on busybox, so the time is mostly waiting for health. PSCompose's
# `Invoke-ComposeUp -Wait` (timed inside one warm pwsh process) vs the reference `docker compose up -d --wait`
# (timed from the same process, a round of each alternately), with the ratio ours/reference (goal <= 0.85: waits
# that react to the engine's health_status events instead of Compose's 500 ms polling).
# Usage: bench/health-chain-bench.sh [services=5] [rounds=5]
set -euo pipefail

services="${1:-5}"
rounds="${2:-5}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The script below runs in the repo's pinned pwsh (.config/dotnet-tools.json) and imports the built module.
(cd "$repo" && dotnet tool restore >/dev/null)
export PSCOMPOSE_MODULE="$repo/out/PSCompose/PSCompose.psd1"
[[ -f "$PSCOMPOSE_MODULE" ]] || { echo "missing out/PSCompose: dotnet build PSCompose.sln -c Release" >&2; exit 2; }

work="$(mktemp -d /tmp/psc-healthchain.XXXXXX)"
tag="$(basename "$work" | tr 'A-Z.' 'a-z-')"
ref="bench-ref-$tag"; ours="bench-ours-$tag"; warm="bench-warm-$tag"
cleanup() {
  for p in "$ref" "$ours" "$warm"; do docker compose -p "$p" down -v -t 0 >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

{
  echo 'services:'
  for ((i = 0; i < services; i++)); do
    echo "  svc$i:"
    echo '    image: pscompose/busybox:latest'
    echo "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]"
    echo '    healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 5s, retries: 30}'
    if ((i > 0)); then echo "    depends_on: {svc$((i - 1)): {condition: service_healthy}}"; fi
  done
} > "$work/compose.yaml"

# Prints "ROW ref|ours milliseconds" lines.
cat > "$work/inproc.ps1" <<'EOF'
param($dir, $ref, $ours, $warm, $rounds)
Import-Module $env:PSCOMPOSE_MODULE
$ErrorActionPreference = 'Stop'
function Time([scriptblock] $block) { $sw = [Diagnostics.Stopwatch]::StartNew(); $null = & $block; $sw.ElapsedMilliseconds }
function Down($p) { & docker compose -p $p down -t 0 2>&1 | Out-Null }
# Warm-up (JIT, module load, the engine's image cache) on another project, so the rows below are steady-state.
$null = Invoke-ComposeUp -Path $dir -ProjectName $warm -Wait; Down $warm
& docker compose -f "$dir/compose.yaml" -p $warm up -d --wait 2>&1 | Out-Null; Down $warm
foreach ($r in 1..$rounds) {
    "ROW ref $(Time { & docker compose -f "$dir/compose.yaml" -p $ref up -d --wait 2>&1; if ($LASTEXITCODE) { throw "compose up failed" } })"
    Down $ref
    "ROW ours $(Time { Invoke-ComposeUp -Path $dir -ProjectName $ours -Wait })"
    Down $ours
}
EOF

echo "health-chain bench: $services services, $rounds rounds, engine $(docker version --format '{{.Server.Version}}'), $(nproc) cores"
inproc="$(cd "$repo" && dotnet pwsh -NoLogo -NoProfile -NonInteractive -File "$work/inproc.ps1" "$work" "$ref" "$ours" "$warm" "$rounds")"
rows() { sed -n "s/^ROW $1 //p" <<< "$inproc" | tr -d '\r'; }
source "$repo/bench/common.sh"

ref_ms="$(median $(rows ref))"; ours_ms="$(median $(rows ours))"
echo "docker compose up -d --wait (ms):  $(rows ref | tr '\n' ' ')"
echo "Invoke-ComposeUp -Wait (ms):       $(rows ours | tr '\n' ' ')"
echo "medians: compose ${ref_ms} ms, PSCompose ${ours_ms} ms, ratio $(ratio "$ours_ms" "$ref_ms") (goal <= 0.85)"
