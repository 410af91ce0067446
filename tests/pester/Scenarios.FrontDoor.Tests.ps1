# User scenario: an existing bash script of docker-compose lines moved over to PowerShell unchanged. The same lines
# run in bash against the reference `docker compose` and in pwsh through Invoke-Compose (after the opt-in alias the
# help documents), and print the same; and the docker-compose alias decision: not defined by Import-Module, so a
# real docker-compose binary on PATH keeps running.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $script:P = New-ScenarioProject -Theme fd -Yaml "services: {}`n"
    Set-Content -Path (Join-Path $P.Dir 'stack.yaml') -Value @"
services:
  db:
$sleeper
  web:
$sleeper
    depends_on: [db]
"@
    # The script as a bash user has it: single quotes, flags before and after the service, an exit code checked.
    $script:ScriptLines = @(
        "docker-compose -p $($P.Name) -f stack.yaml up -d"
        "docker-compose -p $($P.Name) -f stack.yaml ps --services"
        "docker-compose -p $($P.Name) -f stack.yaml exec -T web sh -c 'echo hello from web'"
        "docker-compose -p $($P.Name) -f stack.yaml exec -T web sh -c 'exit 3'"
        'echo "exit: $?"'
        "docker-compose -p $($P.Name) -f stack.yaml config --services"
        "docker-compose -p $($P.Name) -f stack.yaml down -v -t 1"
        "docker-compose -p $($P.Name) -f stack.yaml ps -a -q"
    )
}

AfterAll {
    $script:P | Remove-ScenarioProject
}

Describe 'A bash script of docker-compose lines' {
    It 'prints the same through Invoke-Compose in pwsh as through docker compose in bash' {
        Push-Location $P.Dir
        try {
            $bash = "docker-compose() { docker compose `"`$@`"; }`n" + ($ScriptLines -join "`n")
            $reference = @(bash -c $bash 2>$null)
            $reference | Should -Contain 'hello from web'
            $reference | Should -Contain 'exit: 3'

            # pwsh's $? is a boolean; the one bash-only line reads $LASTEXITCODE, as a PowerShell user would write it.
            $pwshLines = $ScriptLines -replace [regex]::Escape('echo "exit: $?"'), 'echo "exit: $LASTEXITCODE"'
            Set-Alias -Name docker-compose -Value Invoke-Compose -Scope Script
            try { $ours = @(. ([scriptblock]::Create($pwshLines -join "`n")) 2>$null) }
            finally { Remove-Item alias:docker-compose }
            $ours | Should -Be $reference
        }
        finally { Pop-Location }
        Get-EngineContainer $P.Name | Should -BeNullOrEmpty
    }
}

Describe 'The docker-compose alias decision' {
    BeforeAll {
        $script:Bin = Join-Path ([System.IO.Path]::GetTempPath()) ('psc-pester-fd-bin-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $Bin | Out-Null
        $fake = Join-Path $Bin 'docker-compose'
        Set-Content -Path $fake -Value "#!/bin/sh`necho real docker-compose binary"
        chmod +x $fake
        $script:SavedPath = $env:PATH
        $env:PATH = $Bin + [System.IO.Path]::PathSeparator + $env:PATH
        Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    }
    AfterAll {
        $env:PATH = $SavedPath
        Remove-Item -Recurse -Force $Bin -ErrorAction SilentlyContinue
    }

    It 'Import-Module PSCompose defines no docker-compose alias' {
        (Get-Module PSCompose).ExportedAliases.Keys | Should -Not -Contain 'docker-compose'
        Get-Alias docker-compose -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a docker-compose binary on PATH still runs after Import-Module' {
        (Get-Command docker-compose).CommandType | Should -Be 'Application'
        docker-compose version | Should -Be 'real docker-compose binary'
    }

    It 'the opt-in one-liner from Get-Help Invoke-Compose makes docker-compose Invoke-Compose' {
        $help = Get-Help Invoke-Compose -Full | Out-String -Width 200
        $oneLiner = 'Set-Alias -Name docker-compose -Value Invoke-Compose'
        $help | Should -Match ([regex]::Escape($oneLiner))
        & {
            . ([scriptblock]::Create($oneLiner))
            docker-compose version --short | Should -Be '2.40.3'
        }
    }
}
