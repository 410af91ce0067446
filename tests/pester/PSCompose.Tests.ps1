# The module as pwsh loads it, and the repository's scripts. Tests tagged Docker need the engine and are never
# skipped (exclude them with -ExcludeTag Docker).
BeforeDiscovery {
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $scripts = @(Get-ChildItem -Path $repoRoot -Filter *.ps1) + @(Get-ChildItem -Path (Join-Path $repoRoot 'examples') -Filter *.ps1 -Recurse)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
}

Describe 'Repository scripts' {
    # Scripts outside the suite: a syntax error in one would otherwise show only when someone runs it.
    It '<_.Name> parses' -ForEach $scripts {
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseFile($_.FullName, [ref] $null, [ref] $errors)
        $errors | Should -BeNullOrEmpty
    }
}

Describe 'PSCompose module' {
    It 'exports the cmdlets the manifest names' {
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../PSCompose.psd1')
        (Get-Command -Module PSCompose -CommandType Cmdlet).Name | Sort-Object |
            Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}

Describe 'Get-ComposeVersion' -Tag Docker {
    It 'reports the engine version' {
        $v = Get-ComposeVersion
        $v.EngineVersion | Should -Be (docker version --format '{{.Server.Version}}')
        $v.ComposeVersion | Should -Be '2.40.3'
    }
}
