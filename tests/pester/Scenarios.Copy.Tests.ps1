# User scenarios: copying files into and out of a service's containers with Copy-ComposeItem, as written in the
# issue, from the project's folder and with -ProjectName from another folder; results compared with docker compose cp.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $script:P = New-ScenarioProject -Theme copy -Yaml @"
services:
  web:
$sleeper
"@
    Invoke-ReferenceCompose $P.Dir up -d | Out-Null
    $script:Elsewhere = Join-Path ([System.IO.Path]::GetTempPath()) ('psc-pester-copy-elsewhere-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $Elsewhere | Out-Null
    $script:Container = "$($P.Name)-web-1"
}

AfterAll {
    $script:P | Remove-ScenarioProject
    Remove-Item -Recurse -Force $script:Elsewhere -ErrorAction SilentlyContinue
}

Describe 'Copy-ComposeItem as the issue writes it' {
    It 'copies ./file into web:/tmp/file from the project folder' {
        Push-Location $P.Dir
        try {
            Set-Content -Path ./file -Value 'from the project folder' -NoNewline
            Copy-ComposeItem ./file web:/tmp/file -ErrorAction Stop
        }
        finally { Pop-Location }
        docker exec $Container cat /tmp/file | Should -Be 'from the project folder'
    }

    It 'copies web:/etc/hosts to ./hosts, byte for byte what docker compose cp writes' {
        Push-Location $P.Dir
        try {
            Copy-ComposeItem web:/etc/hosts ./hosts -ErrorAction Stop
            docker compose cp web:/etc/hosts ./hosts.ref 2>$null
            $LASTEXITCODE | Should -Be 0
            (Get-FileHash ./hosts).Hash | Should -Be (Get-FileHash ./hosts.ref).Hash
        }
        finally { Pop-Location }
    }

    It 'does both with -ProjectName from a folder without a compose file' {
        Push-Location $Elsewhere
        try {
            Set-Content -Path ./file -Value 'from elsewhere' -NoNewline
            Copy-ComposeItem ./file web:/tmp/file2 -ProjectName $P.Name -ErrorAction Stop
            Copy-ComposeItem web:/etc/hosts ./hosts -ProjectName $P.Name -ErrorAction Stop
            Test-Path ./compose.yaml | Should -BeFalse
            docker compose -p $P.Name cp web:/etc/hosts ./hosts.ref 2>$null
            (Get-FileHash ./hosts).Hash | Should -Be (Get-FileHash ./hosts.ref).Hash
        }
        finally { Pop-Location }
        docker exec $Container cat /tmp/file2 | Should -Be 'from elsewhere'
    }

    It 'reports a missing parent directory as CopyDestinationParentMissing and writes nothing' {
        Push-Location $Elsewhere
        try {
            { Copy-ComposeItem web:/etc/hosts ./no/such/dir/hosts -ProjectName $P.Name -ErrorAction Stop } |
                Should -Throw -ErrorId 'CopyDestinationParentMissing,PSCompose.Cmdlets.CopyComposeItemCommand'
            Test-Path ./no | Should -BeFalse
        }
        finally { Pop-Location }
    }
}
