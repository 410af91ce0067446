#requires -Version 5.1
<#
.SYNOPSIS
    Runs the Pester suite in tests/pester against the built module (out/PSCompose) with Pester 5.7.1 from NuGet,
    writing JUnit XML to out/test-results. Sets $LASTEXITCODE to 1 when any test or block failed.
.EXAMPLE
    dotnet pwsh tests/pester/Invoke-PesterSuite.ps1 -Path tests/pester/Lifecycle.Tests.ps1
#>
[CmdletBinding()]
param(
    [string[]] $Path = $PSScriptRoot,
    [string] $ResultsDirectory = (Join-Path $PSScriptRoot '../../out/test-results'),
    [string[]] $Tag,
    [string[]] $ExcludeTag
)
# No $ErrorActionPreference here: the tests would inherit it, and they must see a user's default session.

function Get-PesterModulePath {
    $restoreProject = Join-Path $PSScriptRoot 'Pester.Restore.csproj'
    $assetsFile = Join-Path $PSScriptRoot 'obj/project.assets.json'
    if (-not (Test-Path $assetsFile)) {
        & dotnet restore $restoreProject --verbosity quiet
        if ($LASTEXITCODE -ne 0) { throw "dotnet restore $restoreProject failed with exit code $LASTEXITCODE" }
    }
    $assets = Get-Content -Raw $assetsFile -ErrorAction Stop | ConvertFrom-Json
    $version = ([xml](Get-Content -Raw $restoreProject -ErrorAction Stop)).Project.ItemGroup.PackageDownload.Version.Trim('[]')
    foreach ($folder in $assets.packageFolders.PSObject.Properties.Name) {
        $manifest = Join-Path $folder "pester/$version/tools/Pester.psd1"
        if (Test-Path $manifest) { return $manifest }
    }
    throw "Pester $version is not in the NuGet package folders; run: dotnet restore $restoreProject"
}

Import-Module (Get-PesterModulePath) -Force -ErrorAction Stop
New-Item -ItemType Directory -Force -Path $ResultsDirectory -ErrorAction Stop | Out-Null

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester.junit.xml'
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag }

$result = Invoke-Pester -Configuration $configuration
exit $(if ($result.Result -eq 'Passed') { 0 } else { 1 })
