#requires -Version 5.1
<#
.SYNOPSIS
    Build, test, demo or package PSCompose. Run through ./build.sh, which first sets the machine up and restores pwsh.
.DESCRIPTION
    Build    dotnet build PSCompose.sln (lays the module out in out/PSCompose)
    Test     build, the xunit tests (TRX), the Pester suite (JUnit XML), all into out/test-results, then the summary
    Pester   build the module and run the Pester suite only
    Demo     build the module, import it and run examples/counter/demo.ps1 in this pwsh
    Package  build the module and zip out/PSCompose
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Package')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release',
    # Test: a dotnet test --filter expression, to run part of the xunit tests through the same task.
    [string] $XunitFilter
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$results = Join-Path $PSScriptRoot 'out/test-results'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

# In a new pwsh, so the tests see a user's default session rather than this script's preferences.
function Invoke-PesterSuite {
    & dotnet pwsh -NoLogo -NoProfile -File ./tests/pester/Invoke-PesterSuite.ps1 -ResultsDirectory $results
}

# Demo, Pester and Package need only the module (its project lays out out/PSCompose); Build and Test take everything.
$buildTarget = if ($Task -in 'Build', 'Test') { 'PSCompose.sln' } else { 'src/PSCompose/PSCompose.csproj' }
Invoke-Dotnet build $buildTarget -c $Configuration

# The tests decide themselves when PSCompose runs in CI mode (they set TF_BUILD / GITHUB_ACTIONS for their own steps);
# a CI system's own variables would otherwise switch every test process into it.
if ($Task -in 'Test', 'Pester') { Remove-Item Env:TF_BUILD, Env:GITHUB_ACTIONS -ErrorAction SilentlyContinue }

switch ($Task) {
    'Test' {
        Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
        # Every step runs even when an earlier one failed, so one run reports everything.
        $failed = @()
        $filter = if ($XunitFilter) { '--filter', $XunitFilter } else { @() }
        & dotnet test PSCompose.sln -c $Configuration --no-build --logger trx --results-directory $results @filter
        if ($LASTEXITCODE -ne 0) { $failed += 'xunit' }
        Invoke-PesterSuite
        if ($LASTEXITCODE -ne 0) { $failed += 'Pester' }
        & ./.ci/Summarize-TestResults.ps1 -ResultsDirectory $results
        if ($LASTEXITCODE -ne 0) { $failed += 'summary' }
        if ($failed) { throw "Test failed: $($failed -join ', ')" }
    }
    'Pester' {
        Invoke-PesterSuite
        if ($LASTEXITCODE -ne 0) { throw 'Pester tests failed' }
    }
    'Demo' {
        Import-Module (Join-Path $PSScriptRoot 'out/PSCompose/PSCompose.psd1') -Force
        & ./examples/counter/demo.ps1
    }
    'Package' {
        $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'PSCompose.psd1')).ModuleVersion
        $archive = Join-Path $PSScriptRoot "out/PSCompose-$version.zip"
        Compress-Archive -Path (Join-Path $PSScriptRoot 'out/PSCompose') -DestinationPath $archive -Force
        Write-Host "Packaged $archive"
    }
}
