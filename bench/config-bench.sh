#!/usr/bin/env bash
# Times `docker compose config --format json` against PSCompose's `Get-ComposeConfig -Format Json` on a generated
# 500-service project, in the same run. Prints medians and the ratio ours/reference (goal <= 0.5):
#   - whole process: `docker compose ...` vs `dotnet pwsh -File` running the cmdlet once (includes .NET
#     and PowerShell start-up, which a user of an already-open shell does not pay);
#   - in process: the cmdlet timed inside one pwsh process across iterations (after one warm-up call), which is
#     what an interactive PowerShell user sees, vs the reference's whole process (it has no other mode).
# Usage: bench/config-bench.sh [iterations=7] [services=500]
set -euo pipefail

iterations="${1:-7}"
services="${2:-500}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The scripts below run in the repo's pinned pwsh (.config/dotnet-tools.json) and import the built module.
(cd "$repo" && dotnet tool restore >/dev/null)
export PSCOMPOSE_MODULE="$repo/out/PSCompose/PSCompose.psd1"
psc() { (cd "$repo" && dotnet pwsh -NoLogo -NoProfile -NonInteractive -File "$@"); }
[[ -f "$repo/out/PSCompose/PSCompose.psd1" ]] || { echo "missing out/PSCompose: dotnet build PSCompose.sln -c Release" >&2; exit 2; }

work="$(mktemp -d /tmp/psc-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
project="$work/bench"
mkdir -p "$project/app"
printf 'FROM pscompose/busybox\n' > "$project/app/Dockerfile"
printf 'TAG=1.27\nLOG_LEVEL=info\n' > "$project/.env"
printf 'SHARED=1\n' > "$project/common.env"

# A project that exercises most of the loader: interpolation, anchors, ports, volumes, depends_on, healthchecks,
# networks, env_file, build, deploy.
{
  echo 'x-common: &common'
  echo '  restart: unless-stopped'
  echo '  logging:'
  echo '    driver: json-file'
  echo '    options: {max-size: "10m"}'
  echo 'services:'
  for ((i = 0; i < services; i++)); do
    echo "  svc$i:"
    echo '    <<: *common'
    if ((i % 10 == 0)); then
      echo '    build:'
      echo '      context: ./app'
      echo "      args: {INDEX: \"$i\"}"
    else
      echo "    image: \"nginx:\${TAG:-latest}\""
    fi
    echo "    ports: [\"$((10000 + i)):80\", \"127.0.0.1:$((20000 + i)):443/tcp\"]"
    echo '    environment:'
    echo "      INDEX: \"$i\""
    echo "      LEVEL: \${LOG_LEVEL:-debug}"
    echo '    env_file: common.env'
    echo '    volumes:'
    echo "      - ./data/svc$i:/data"
    echo "      - vol$((i % 20)):/cache"
    echo '    networks: [front, back]'
    if ((i > 0)); then
      echo '    depends_on:'
      echo "      svc$(((i - 1) / 2)):"
      echo '        condition: service_started'
    fi
    echo '    healthcheck:'
    echo '      test: ["CMD", "true"]'
    echo '      interval: 30s'
    echo '    deploy:'
    echo '      resources: {limits: {cpus: "0.5", memory: 64M}}'
    echo '    labels:'
    echo "      com.example.index: \"$i\""
  done
  echo 'networks:'
  echo '  front: {}'
  echo '  back: {internal: true}'
  echo 'volumes:'
  for ((v = 0; v < 20; v++)); do echo "  vol$v: {}"; done
} > "$project/compose.yaml"

cat > "$work/once.ps1" <<'PS'
param([string]$Project)
Import-Module $env:PSCOMPOSE_MODULE
Get-ComposeConfig -Path $Project -Format Json
PS
cat > "$work/inproc.ps1" <<'PS'
param([string]$Project, [int]$Iterations)
Import-Module $env:PSCOMPOSE_MODULE
$null = Get-ComposeConfig -Path $Project -Format Json   # warm-up: JIT, schema, first file reads
$times = foreach ($i in 1..$Iterations) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $null = Get-ComposeConfig -Path $Project -Format Json
    $watch.Stop()
    $watch.Elapsed.TotalMilliseconds
}
"INPROC " + (($times | ForEach-Object { [math]::Round($_, 1) }) -join ' ')
PS

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# Both outputs must be the same document before timing means anything.
(cd "$project" && docker compose config --format json) > "$work/reference.json"
if ! (cd "$project" && psc "$work/once.ps1" "$project") > "$work/ours.json" 2> "$work/ours.err"; then
  echo "Get-ComposeConfig failed:" >&2; cat "$work/ours.err" >&2; exit 1
fi
if jq -S . "$work/reference.json" > "$work/r.sorted" 2>/dev/null && jq -S . "$work/ours.json" > "$work/o.sorted" 2>/dev/null \
   && cmp -s "$work/r.sorted" "$work/o.sorted"; then
  echo "outputs: identical JSON data ($(wc -c < "$work/reference.json") bytes)"
else
  echo "outputs: DIFFERENT (timings still printed; see conformance tests)"
fi

ref_times=(); ours_times=()
for ((n = 0; n < iterations; n++)); do
  t0=$(now_ms); (cd "$project" && docker compose config --format json > /dev/null); t1=$(now_ms)
  ref_times+=($((t1 - t0)))
  t0=$(now_ms); (cd "$project" && psc "$work/once.ps1" "$project" > /dev/null); t1=$(now_ms)
  ours_times+=($((t1 - t0)))
done
inproc_line="$(cd "$project" && psc "$work/inproc.ps1" "$project" "$iterations" | grep '^INPROC ')"
read -r -a inproc_times <<< "${inproc_line#INPROC }"

ref_median="$(median "${ref_times[@]}")"
ours_median="$(median "${ours_times[@]}")"
inproc_median="$(median "${inproc_times[@]}")"
echo "services: $services; iterations: $iterations"
echo "docker compose config (process):      median ${ref_median} ms   [${ref_times[*]}]"
echo "Get-ComposeConfig (pwsh process):     median ${ours_median} ms   [${ours_times[*]}]"
echo "Get-ComposeConfig (in one process):   median ${inproc_median} ms   [${inproc_times[*]}]"
awk -v o="$ours_median" -v i="$inproc_median" -v r="$ref_median" 'BEGIN {
  printf "ratio whole process (ours/reference): %.2f\n", o / r
  printf "ratio in process    (ours/reference): %.2f   goal <= 0.5: %s\n", i / r, (i / r <= 0.5 ? "met" : "NOT met")
}'
