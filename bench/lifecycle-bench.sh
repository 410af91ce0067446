#!/usr/bin/env bash
# Times the container lifecycle on a generated project of N busybox services (a TERM-trapping sleep, so stops are
# fast): cold up, no-op up, list containers, down. PSCompose vs the reference `docker compose` in the same run,
# with ratios ours/reference (goals: cold up <= 0.85, no-op up <= 0.5):
#   - in process: the cmdlets timed inside one pwsh process (after a warm-up on another project), which is
#     what a user of an already-open PowerShell sees;
#   - whole process: one `dotnet pwsh -File` per step (includes .NET and PowerShell start-up).
# Then measures whether the engine starts containers faster in parallel than one by one (Compose serialises
# ContainerStart behind a mutex; PSCompose starts independent containers concurrently).
# Usage: bench/lifecycle-bench.sh [services=30] [rounds=3]
set -euo pipefail

services="${1:-30}"
rounds="${2:-3}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The scripts below run in the repo's pinned pwsh (.config/dotnet-tools.json) and import the built module.
(cd "$repo" && dotnet tool restore >/dev/null)
export PSCOMPOSE_MODULE="$repo/out/PSCompose/PSCompose.psd1"
psc() { (cd "$repo" && dotnet pwsh -NoLogo -NoProfile -NonInteractive -File "$@"); }
[[ -f "$repo/out/PSCompose/PSCompose.psd1" ]] || { echo "missing out/PSCompose: dotnet build PSCompose.sln -c Release" >&2; exit 2; }

work="$(mktemp -d /tmp/psc-lifecycle.XXXXXX)"
tag="$(basename "$work" | tr 'A-Z.' 'a-z-')"
ref="bench-ref-$tag"; ours="bench-ours-$tag"; warm="bench-warm-$tag"
cleanup() {
  for p in "$ref" "$ours" "$warm"; do docker compose -p "$p" down -v -t 0 >/dev/null 2>&1 || true; done
  docker rm -f $(docker ps -aq --filter "label=psc-bench=$tag") >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

{
  echo 'services:'
  for ((i = 0; i < services; i++)); do
    echo "  svc$i:"
    echo '    image: pscompose/busybox:latest'
    echo "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]"
  done
} > "$work/compose.yaml"

source "$repo/bench/common.sh"
time_ms() { local t0; t0=$(now_ms); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; echo $(($(now_ms) - t0)); }

# The PSCompose side, in one pwsh process: prints "ROW step milliseconds" lines.
cat > "$work/inproc.ps1" <<'EOF'
param($dir, $project, $warm, $rounds)
Import-Module $env:PSCOMPOSE_MODULE
$ErrorActionPreference = 'Stop'
$list = if (Get-Command Get-ComposeContainer -ErrorAction SilentlyContinue) { 'Get-ComposeContainer' } else { 'Get-ComposeProject' }
$down = [bool](Get-Command Invoke-ComposeDown -ErrorAction SilentlyContinue)
function Time([scriptblock] $block) { $sw = [Diagnostics.Stopwatch]::StartNew(); $null = & $block; $sw.ElapsedMilliseconds }
function List($p) { if ($list -eq 'Get-ComposeContainer') { Get-ComposeContainer -Path $dir -ProjectName $p } else { Get-ComposeProject -Name $p } }
function Down($p) { if ($down) { Invoke-ComposeDown -Path $dir -ProjectName $p -Confirm:$false } }
# Warm-up (JIT, module load) on another project, so the rows below are steady-state.
$null = Invoke-ComposeUp -Path $dir -ProjectName $warm; $null = List $warm; Down $warm
"LIST $list"
"DOWN $down"
foreach ($r in 1..$rounds) {
    "ROW cold $(Time { Invoke-ComposeUp -Path $dir -ProjectName $project })"
    "ROW noop $(Time { Invoke-ComposeUp -Path $dir -ProjectName $project })"
    "ROW list $(Time { List $project })"
    if ($down) { "ROW down $(Time { Down $project })" } else { & docker compose -p $project down -t 0 2>&1 | Out-Null }
}
EOF
cat > "$work/step.ps1" <<'EOF'
param($step, $dir, $project)
Import-Module $env:PSCOMPOSE_MODULE
$ErrorActionPreference = 'Stop'
switch ($step) {
    'up' { $null = Invoke-ComposeUp -Path $dir -ProjectName $project }
    'list' { if (Get-Command Get-ComposeContainer -ErrorAction SilentlyContinue) { $null = Get-ComposeContainer -Path $dir -ProjectName $project } else { $null = Get-ComposeProject -Name $project } }
    'down' { $null = Invoke-ComposeDown -Path $dir -ProjectName $project -Confirm:$false }
}
EOF

echo "lifecycle bench: $services services, $rounds rounds, engine $(docker version --format '{{.Server.Version}}'), $(nproc) cores"

# Reference.
declare -a r_cold r_noop r_list r_down
for ((r = 0; r < rounds; r++)); do
  r_cold+=("$(time_ms docker compose -f "$work/compose.yaml" -p "$ref" up -d)")
  r_noop+=("$(time_ms docker compose -f "$work/compose.yaml" -p "$ref" up -d)")
  r_list+=("$(time_ms docker compose -f "$work/compose.yaml" -p "$ref" ps)")
  r_down+=("$(time_ms docker compose -f "$work/compose.yaml" -p "$ref" down)")
done

# PSCompose in one process.
inproc="$(cd "$work" && psc "$work/inproc.ps1" "$work" "$ours" "$warm" "$rounds")"
list_cmd="$(sed -n 's/^LIST //p' <<< "$inproc" | tr -d '\r')"
has_down="$(sed -n 's/^DOWN //p' <<< "$inproc" | tr -d '\r')"
rows() { sed -n "s/^ROW $1 //p" <<< "$inproc" | tr -d '\r'; }

# PSCompose, one process per step.
declare -a w_cold w_noop w_list w_down
for ((r = 0; r < rounds; r++)); do
  w_cold+=("$(time_ms psc "$work/step.ps1" up "$work" "$ours")")
  w_noop+=("$(time_ms psc "$work/step.ps1" up "$work" "$ours")")
  w_list+=("$(time_ms psc "$work/step.ps1" list "$work" "$ours")")
  if [[ "$has_down" == True ]]; then
    w_down+=("$(time_ms psc "$work/step.ps1" down "$work" "$ours")")
  else
    docker compose -p "$ours" down -t 0 >/dev/null 2>&1
  fi
done

printf '\n%-10s %12s %14s %8s %16s %8s\n' step "compose ms" "in-process ms" ratio "whole-process ms" ratio
row() {
  local name="$1" refm="$2" inm="$3" wm="$4"
  printf '%-10s %12s %14s %8s %16s %8s\n' "$name" "$refm" "$inm" "$(ratio "$inm" "$refm")" "$wm" "$(ratio "$wm" "$refm")"
}
row "cold up" "$(median "${r_cold[@]}")" "$(median $(rows cold))" "$(median "${w_cold[@]}")"
row "no-op up" "$(median "${r_noop[@]}")" "$(median $(rows noop))" "$(median "${w_noop[@]}")"
row "list" "$(median "${r_list[@]}")" "$(median $(rows list))" "$(median "${w_list[@]}")"
if [[ "$has_down" == True ]]; then
  row "down" "$(median "${r_down[@]}")" "$(median $(rows down))" "$(median "${w_down[@]}")"
else
  printf '%-10s %12s   (Invoke-ComposeDown does not exist yet: row skipped)\n' down "$(median "${r_down[@]}")"
fi
echo "list = docker compose ps vs $list_cmd; medians of $rounds rounds; goals: cold up <= 0.85, no-op up <= 0.5"

# Parallel starts: does this engine start N created containers faster concurrently than one by one?
n=10
create_batch() {
  for ((i = 0; i < n; i++)); do
    docker create --label "psc-bench=$tag" --label "psc-batch=$1" pscompose/busybox:latest sh -c "trap 'exit 0' TERM; sleep 600 & wait" >/dev/null
  done
}
ids() { docker ps -aq --filter "label=psc-batch=$1" | tr '\n' ' '; }
sock="${DOCKER_HOST:-unix:///var/run/docker.sock}"; sock="${sock#unix://}"
start_one() { curl -sf --unix-socket "$sock" -X POST "http://localhost/containers/$1/start" >/dev/null; }
export -f start_one; export sock
create_batch serial; create_batch parallel
serial_ms="$(time_ms bash -c "for id in $(ids serial); do start_one \$id; done")"
parallel_ms="$(time_ms bash -c "for id in $(ids parallel); do start_one \$id & done; wait")"
echo
echo "engine API ContainerStart of $n created containers (curl on the socket):"
echo "  one by one: ${serial_ms} ms; all at once: ${parallel_ms} ms; ratio $(ratio "$parallel_ms" "$serial_ms") (< 1: parallel starts pay off)"
