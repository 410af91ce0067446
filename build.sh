#!/usr/bin/env bash
# The one entry point on a fresh Debian machine with the .NET SDK: sets the machine up (idempotent, seconds when
# everything is there), restores the pinned pwsh (.config/dotnet-tools.json) and runs a build.ps1 task in it.
# Usage: ./build.sh [Build|Test|Pester|Demo|Package] (default Build)
set -euo pipefail
cd "$(dirname "$0")"

if [ "$(id -u)" -eq 0 ]; then bash .ci/setup-machine.sh; else sudo --preserve-env bash .ci/setup-machine.sh; fi
dotnet tool restore >/dev/null
exec dotnet pwsh -NoLogo -NoProfile -File build.ps1 -Task "${1:-Build}" "${@:2}"
