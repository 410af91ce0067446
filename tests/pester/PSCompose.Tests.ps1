# Pester 5 tests for people with pwsh or Windows PowerShell. CI has no pwsh: an xunit test parses this
# file so a syntax error still fails CI.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    $script:EngineUp = $null -ne (Get-Command docker -ErrorAction SilentlyContinue) -and
        ($null -ne (docker info --format '{{.ServerVersion}}' 2>$null))
}

Describe 'PSCompose module' {
    It 'exports the cmdlets the manifest names' {
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../PSCompose.psd1')
        (Get-Command -Module PSCompose -CommandType Cmdlet).Name | Sort-Object |
            Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}

Describe 'Get-ComposeVersion' -Tag Docker {
    It 'reports the engine version' -Skip:(-not $script:EngineUp) {
        $v = Get-ComposeVersion
        $v.EngineVersion | Should -Be (docker version --format '{{.Server.Version}}')
        $v.ComposeVersion | Should -Be '2.40.3'
    }
}

Describe 'Get-ComposeProject' -Tag Docker {
    It 'returns typed project objects' -Skip:(-not $script:EngineUp) {
        Get-ComposeProject -All | ForEach-Object { $_ | Should -BeOfType ([PSCompose.ComposeProject]) }
    }
}
