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
    [string] $Configuration = 'Release'
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

# Runs a step that reports through $LASTEXITCODE, and returns whether it failed, so later steps still run.
function Test-StepFailed([scriptblock] $Step) {
    & $Step
    $LASTEXITCODE -ne 0
}

# Demo, Pester and Package need only the module (its project lays out out/PSCompose); Build and Test take everything.
$buildTarget = if ($Task -in 'Build', 'Test') { 'PSCompose.sln' } else { 'src/PSCompose/PSCompose.csproj' }
Invoke-Dotnet build $buildTarget -c $Configuration

switch ($Task) {
    'Test' {
        Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
        $failed = @()
        if (Test-StepFailed { & dotnet test PSCompose.sln -c $Configuration --no-build --logger trx --results-directory $results }) { $failed += 'xunit' }
        if (Test-StepFailed { Invoke-PesterSuite }) { $failed += 'Pester' }
        if (Test-StepFailed { & ./.ci/Summarize-TestResults.ps1 -ResultsDirectory $results }) { $failed += 'summary' }
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
