#!/usr/bin/env bash
# Times one-off commands: `Invoke-ComposeExec svc true` x EXECS and `Invoke-ComposeRun -Remove svc true` x RUNS in one
# warm pwsh process (after a warm-up call of each) vs `docker compose exec -T svc true` / `docker compose run --rm -T
# svc true` as processes, on the same project in the same run, call for call interleaved. Prints totals, per-call
# means and the ratio ours/reference (goal <= 0.7).
# Usage: bench/exec-run-bench.sh [execs=50] [runs=20]
set -euo pipefail

execs="${1:-50}"
runs="${2:-20}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$repo" && dotnet tool restore >/dev/null)
export PSCOMPOSE_MODULE="$repo/out/PSCompose/PSCompose.psd1"
[[ -f "$PSCOMPOSE_MODULE" ]] || { echo "missing out/PSCompose: dotnet build PSCompose.sln -c Release" >&2; exit 2; }

work="$(mktemp -d /tmp/psc-execrun.XXXXXX)"
project="bench-execrun-$(basename "$work" | tr 'A-Z.' 'a-z-')"
cleanup() {
  docker rm -f $(docker ps -aq --filter "label=com.docker.compose.project=$project") >/dev/null 2>&1 || true
  docker compose -p "$project" down -v -t 0 >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/compose.yaml" <<'YAML'
services:
  db:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
  svc:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
    depends_on: [db]
YAML
(cd "$work" && docker compose -p "$project" up -d >/dev/null 2>&1)

source "$repo/bench/common.sh"
mean() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.0f", t / n }'; }

# Both sides run from one warm pwsh process, interleaved call by call, so that a load change on a shared machine
# hits both alike: each reference call is a `docker compose` process, each PSCompose call a cmdlet in that process.
cat > "$work/bench.ps1" <<'PS'
param($dir, $project, $execs, $runs)
Import-Module $env:PSCOMPOSE_MODULE
$ErrorActionPreference = 'Stop'
Set-Location $dir
function Time([scriptblock] $block) { $sw = [Diagnostics.Stopwatch]::StartNew(); $null = & $block; $sw.ElapsedMilliseconds }
function Check($what) { if ($LASTEXITCODE) { throw "$what exited $LASTEXITCODE" } }
# Warm-up (JIT, module load) of each.
$null = Invoke-ComposeExec -ProjectName $project svc -- true
$null = Invoke-ComposeRun -ProjectName $project -Remove svc -- true
$refExec = $ourExec = $refRun = $ourRun = 0
foreach ($i in 1..$execs) {
    $refExec += Time { docker compose -p $project exec -T svc true; Check 'docker compose exec' }
    $ourExec += Time { Invoke-ComposeExec -ProjectName $project svc -- true; Check 'Invoke-ComposeExec' }
}
foreach ($i in 1..$runs) {
    $refRun += Time { docker compose -p $project run --rm -T svc true 2>$null; Check 'docker compose run' }
    $ourRun += Time { Invoke-ComposeRun -ProjectName $project -Remove svc -- true; Check 'Invoke-ComposeRun' }
}
"EXEC $refExec $ourExec"
"RUN $refRun $ourRun"
PS

echo "exec/run bench: $execs execs, $runs runs, engine $(docker version --format '{{.Server.Version}}'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

out="$(cd "$repo" && dotnet pwsh -NoLogo -NoProfile -NonInteractive -File "$work/bench.ps1" "$work" "$project" "$execs" "$runs")"
read -r ref_exec our_exec < <(awk '$1 == "EXEC" { print $2, $3 }' <<<"$out")
read -r ref_run our_run < <(awk '$1 == "RUN" { print $2, $3 }' <<<"$out")
[[ -n "${our_exec:-}" && -n "${our_run:-}" ]] || { echo "the bench failed: $out" >&2; exit 1; }

printf '%-40s %10s %10s %8s\n' "step" "reference" "pscompose" "ratio"
printf '%-40s %8s ms %8s ms %8s\n' "exec svc true x $execs (total)" "$ref_exec" "$our_exec" "$(ratio "$our_exec" "$ref_exec")"
printf '%-40s %8s ms %8s ms\n' "  per call" "$(mean "$ref_exec" "$execs")" "$(mean "$our_exec" "$execs")"
printf '%-40s %8s ms %8s ms %8s\n' "run --rm svc true x $runs (total)" "$ref_run" "$our_run" "$(ratio "$our_run" "$ref_run")"
printf '%-40s %8s ms %8s ms\n' "  per call" "$(mean "$ref_run" "$runs")" "$(mean "$our_run" "$runs")"
