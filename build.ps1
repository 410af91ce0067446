#requires -Version 5.1
<#
.SYNOPSIS
    Build, test, demo or package PSCompose: thin wrappers over the dotnet commands the README names.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

switch ($Task) {
    'Build' { Invoke-Dotnet build PSCompose.sln -c $Configuration }
    'Test' { Invoke-Dotnet test PSCompose.sln -c $Configuration --logger trx --results-directory out/test-results }
    'Demo' {
        Invoke-Dotnet build PSCompose.sln -c $Configuration
        Import-Module (Join-Path $PSScriptRoot 'out/PSCompose/PSCompose.psd1') -Force
        & (Join-Path $PSScriptRoot 'examples/counter/demo.ps1')
    }
    'Package' {
        Invoke-Dotnet build PSCompose.sln -c $Configuration
        $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'PSCompose.psd1')).ModuleVersion
        $archive = Join-Path $PSScriptRoot "out/PSCompose-$version.zip"
        Compress-Archive -Path (Join-Path $PSScriptRoot 'out/PSCompose') -DestinationPath $archive -Force
        Write-Host "Packaged $archive"
    }
}
