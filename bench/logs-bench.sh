#!/usr/bin/env bash
# Times reading the logs of a generated project: 4 services whose containers write `lines` lines in total (busybox
# seq) and exit. In the same run: `docker compose logs >/dev/null`; `Receive-ComposeLog -Raw | Out-Null` and typed
# `Receive-ComposeLog | Out-Null` timed inside one warm pwsh (Measure-Command, median of the rounds); and the
# raw-socket floor (curl --unix-socket of the 4 containers' logs in parallel to /dev/null). Ratios ours/Compose
# (goals: -Raw <= 0.8, typed <= 1.0). Then memory: `Receive-ComposeLog -Follow | Out-Null` over `follow_lines`
# lines written while it runs; the pwsh process's RSS is sampled and its peak printed (goal < 100 MB).
# Usage: bench/logs-bench.sh [lines=200000] [rounds=3] [follow_lines=2000000]
set -euo pipefail

lines="${1:-200000}"
rounds="${2:-3}"
follow_lines="${3:-2000000}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$repo" && dotnet tool restore >/dev/null)
export PSCOMPOSE_MODULE="$repo/out/PSCompose/PSCompose.psd1"
[[ -f "$PSCOMPOSE_MODULE" ]] || { echo "missing out/PSCompose: dotnet build PSCompose.sln -c Release" >&2; exit 2; }
pwsh_cmd=(dotnet pwsh)
command -v pwsh >/dev/null 2>&1 && pwsh_cmd=(pwsh)

work="$(mktemp -d /tmp/psc-logs.XXXXXX)"
tag="$(basename "$work" | tr 'A-Z.' 'a-z-')"
project="bench-logs-$tag"; follow="bench-logsf-$tag"
cleanup() {
  for p in "$project" "$follow"; do docker compose -p "$p" down -v -t 0 >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

per=$((lines / 4))
{
  echo 'services:'
  for i in 0 1 2 3; do
    echo "  svc$i:"
    echo '    image: pscompose/busybox:latest'
    echo "    command: [\"sh\", \"-c\", \"seq 1 $per | sed 's/^/line of service $i number /'\"]"
  done
} > "$work/compose.yaml"
mkdir -p "$work/follow"
fper=$((follow_lines / 4))
{
  echo 'services:'
  for i in 0 1 2 3; do
    echo "  svc$i:"
    echo '    image: pscompose/busybox:latest'
    # Waits for the reader to attach, then writes its share and exits: -Follow ends on its own.
    echo "    command: [\"sh\", \"-c\", \"sleep 4; seq 1 $fper | sed 's/^/followed line of service $i number /'\"]"
  done
} > "$work/follow/compose.yaml"

source "$repo/bench/common.sh"

echo "logs bench: $lines lines across 4 services, $rounds rounds, engine $(docker version --format '{{.Server.Version}}'), $(nproc) cores"
docker compose -p "$project" -f "$work/compose.yaml" up -d >/dev/null 2>&1
ids=$(docker ps -aq --filter "label=com.docker.compose.project=$project")
for id in $ids; do docker wait "$id" >/dev/null; done
total=$(docker compose -p "$project" -f "$work/compose.yaml" logs --no-color | wc -l)
echo "lines in the project's logs (compose): $total"

ref=(); floor=(); refcpu=()
for ((r = 1; r <= rounds; r++)); do
  t0=$(now_ms)
  /usr/bin/time -o "$work/time" -f '%U %S' docker compose -p "$project" -f "$work/compose.yaml" logs >/dev/null 2>&1
  cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/time")
  ref+=($(($(now_ms) - t0))); refcpu+=("$cpu")
  t0=$(now_ms)
  for id in $ids; do
    curl -s --unix-socket /var/run/docker.sock "http://localhost/containers/$id/logs?stdout=1&stderr=1&timestamps=1" >/dev/null &
  done
  wait
  floor+=($(($(now_ms) - t0)))
done

cat > "$work/inproc.ps1" <<'EOF'
param($dir, $project, $rounds)
Import-Module $env:PSCOMPOSE_MODULE
$ErrorActionPreference = 'Stop'
# Warm-up (JIT, module load).
$null = Receive-ComposeLog -Path $dir -ProjectName $project -Tail 10
$null = Receive-ComposeLog -Path $dir -ProjectName $project -Raw -Tail 10
"COUNT $((Receive-ComposeLog -Path $dir -ProjectName $project -Raw | Measure-Object).Count)"
$self = [Diagnostics.Process]::GetCurrentProcess()
function Cpu { $self.Refresh(); $self.TotalProcessorTime.TotalMilliseconds }
# PowerShell's own cost of passing one object per line from a compiled cmdlet into Out-Null (no engine, no parsing).
$strings = [string[]](Receive-ComposeLog -Path $dir -ProjectName $project -Raw)
foreach ($r in 1..$rounds) {
    $c = Cpu; $ms = [int](Measure-Command { Receive-ComposeLog -Path $dir -ProjectName $project -Raw | Out-Null }).TotalMilliseconds
    "ROW raw $ms $([int]((Cpu) - $c))"
    $c = Cpu; $ms = [int](Measure-Command { Receive-ComposeLog -Path $dir -ProjectName $project | Out-Null }).TotalMilliseconds
    "ROW typed $ms $([int]((Cpu) - $c))"
    $c = Cpu; $ms = [int](Measure-Command { Write-Output $strings | Out-Null }).TotalMilliseconds
    "ROW pipe $ms $([int]((Cpu) - $c))"
}
EOF
out=$("${pwsh_cmd[@]}" -NoLogo -NoProfile -NonInteractive -File "$work/inproc.ps1" "$work" "$project" "$rounds")
echo "$out" | grep '^COUNT' | sed 's/^COUNT /lines from Receive-ComposeLog -Raw: /'
col() { echo "$out" | awk -v k="$1" -v c="$2" '$1=="ROW" && $2==k {print $c}'; }
raw=($(col raw 3)); typed=($(col typed 3)); pipe=($(col pipe 3))
rawcpu=($(col raw 4)); typedcpu=($(col typed 4)); pipecpu=($(col pipe 4))

mref=$(median "${ref[@]}"); mraw=$(median "${raw[@]}"); mtyped=$(median "${typed[@]}"); mfloor=$(median "${floor[@]}")
printf '%-44s %8s ms   (%s)\n' "docker compose logs >/dev/null" "$mref" "${ref[*]}"
printf '%-44s %8s ms   (%s)  ratio %s (goal <= 0.8)\n' "Receive-ComposeLog -Raw | Out-Null" "$mraw" "${raw[*]}" "$(ratio "$mraw" "$mref")"
printf '%-44s %8s ms   (%s)  ratio %s (goal <= 1.0)\n' "Receive-ComposeLog | Out-Null (typed)" "$mtyped" "${typed[*]}" "$(ratio "$mtyped" "$mref")"
printf '%-44s %8s ms   (%s)  ratio %s\n' "raw socket floor (curl x4 in parallel)" "$mfloor" "${floor[*]}" "$(ratio "$mfloor" "$mref")"
printf '%-44s %8s ms   (%s)  ratio %s\n' "pwsh pipeline floor: Write-Output N strings | Out-Null" "$(median "${pipe[@]}")" "${pipe[*]}" "$(ratio "$(median "${pipe[@]}")" "$mref")"
echo "CPU ms (median): compose $(median "${refcpu[@]}"), -Raw $(median "${rawcpu[@]}"), typed $(median "${typedcpu[@]}"), pipeline floor $(median "${pipecpu[@]}")"

# Memory under -Follow: the reader starts first, the containers write while it follows.
[[ "$follow_lines" -gt 0 ]] || exit 0
cat > "$work/follow.ps1" <<'EOF'
param($dir, $project)
Import-Module $env:PSCOMPOSE_MODULE
$ErrorActionPreference = 'Stop'
$null = Receive-ComposeLog -Path $dir -ProjectName $project -Tail 1
"PID $PID"
"BASE $([int]([Environment]::WorkingSet / 1MB))"
$n = 0
$t = Measure-Command { Receive-ComposeLog -Path $dir -ProjectName $project -Follow | ForEach-Object { $n++ } }
"FOLLOWED $n $([int]$t.TotalMilliseconds)"
EOF
docker compose -p "$follow" -f "$work/follow/compose.yaml" up -d >/dev/null 2>&1
"${pwsh_cmd[@]}" -NoLogo -NoProfile -NonInteractive -File "$work/follow.ps1" "$work/follow" "$follow" > "$work/follow.out" &
runner=$!
peak=0
while kill -0 "$runner" 2>/dev/null; do
  pid=$(awk '$1=="PID" {print $2}' "$work/follow.out" 2>/dev/null || true)
  if [[ -n "$pid" && -r /proc/$pid/status ]]; then
    rss=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
    [[ -n "$rss" && "$rss" -gt "$peak" ]] && peak=$rss
  fi
  sleep 0.2
done
wait "$runner"
read -r _ followed ms < <(grep '^FOLLOWED' "$work/follow.out")
base=$(awk '$1=="BASE" {print $2}' "$work/follow.out")
echo "Receive-ComposeLog -Follow over $follow_lines lines: $followed records in $ms ms, peak RSS $((peak / 1024)) MB (pwsh with the module loaded before following: $base MB; goal < 100 MB)"
