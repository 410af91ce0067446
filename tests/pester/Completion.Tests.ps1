# Tab completion as a pwsh user meets it (TabExpansion2), for a project whose container states are set with the
# reference `docker compose`. Needs the engine and pscompose/busybox:latest.
BeforeDiscovery {
    # -Skip is decided at discovery, before BeforeAll runs.
    $script:EngineUp = $null -ne (Get-Command docker -ErrorAction SilentlyContinue) -and
        ($null -ne (docker info --format '{{.ServerVersion}}' 2>$null))
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    $script:EngineUp = $null -ne (Get-Command docker -ErrorAction SilentlyContinue) -and
        ($null -ne (docker info --format '{{.ServerVersion}}' 2>$null))
    $script:Project = 'pwshux-completion-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) $script:Project
    New-Item -ItemType Directory -Path $script:Dir | Out-Null
    Set-Content -Path (Join-Path $script:Dir 'compose.yaml') -Value @"
name: $($script:Project)
services:
  web:
    image: pscompose/busybox:latest
    command: sleep 600
  worker:
    image: pscompose/busybox:latest
    command: sleep 600
  db:
    image: pscompose/busybox:latest
    command: sleep 600
  debug:
    image: pscompose/busybox:latest
    profiles: [tools, extra]
"@
    function Complete([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
    }
    if ($script:EngineUp) {
        docker compose --project-directory $script:Dir up -d web worker db 2>$null
        docker compose --project-directory $script:Dir stop -t 0 worker 2>$null
        docker compose --project-directory $script:Dir pause db 2>$null
        # The first engine call of a session loads and JITs the client; it may miss the budget (and fall back).
        Complete "Stop-ComposeService -Path $($script:Dir) " | Out-Null
    }
}

AfterAll {
    if ($script:EngineUp) { docker compose --project-directory $script:Dir down -t 0 2>$null | Out-Null }
    Remove-Item -Recurse -Force $script:Dir -ErrorAction SilentlyContinue
}

Describe 'Service name completion' -Tag Docker {
    BeforeEach { Push-Location $script:Dir }
    AfterEach { Pop-Location }

    It 'offers every service of the file, profile-disabled ones too, in file order' {
        Complete 'Get-ComposeService ' | Should -Be @('web', 'worker', 'db', 'debug')
    }

    It 'narrows to the prefix typed' {
        Complete 'New-ComposeImage w' | Should -Be @('web', 'worker')
    }

    It 'offers Start- the stopped services, as docker compose ps reports them' -Skip:(-not $script:EngineUp) {
        $stopped = docker compose --project-directory $script:Dir ps -a --status exited --services
        $stopped | Should -Be 'worker'
        Complete 'Start-ComposeService ' | Should -Be $stopped
    }

    It 'offers Stop-, Restart- and Suspend- the running services' -Skip:(-not $script:EngineUp) {
        $running = docker compose --project-directory $script:Dir ps --status running --services
        $running | Should -Be 'web'
        Complete 'Stop-ComposeService ' | Should -Be $running
        Complete 'Restart-ComposeService ' | Should -Be $running
        Complete 'Suspend-ComposeService ' | Should -Be $running
    }

    It 'offers Resume- the paused services' -Skip:(-not $script:EngineUp) {
        $paused = docker compose --project-directory $script:Dir ps --status paused --services
        $paused | Should -Be 'db'
        Complete 'Resume-ComposeService ' | Should -Be $paused
    }

    It 'resolves the project from -Path typed on the line, not the current location' {
        Set-Location ([System.IO.Path]::GetTempPath())
        Complete "Get-ComposeContainer -Path $($script:Dir) d" | Should -Be @('db', 'debug')
    }

    It 'resolves the project from -File typed on the line' {
        Set-Location ([System.IO.Path]::GetTempPath())
        Complete "Invoke-ComposeUp -File $(Join-Path $script:Dir 'compose.yaml') -Name " | Should -Be @('web', 'worker', 'db', 'debug')
    }
}

Describe 'Profile, project name and format completion' -Tag Docker {
    BeforeEach { Push-Location $script:Dir }
    AfterEach { Pop-Location }

    It 'offers the profiles the file names, sorted' {
        Complete 'Invoke-ComposeUp -Profile ' | Should -Be @('extra', 'tools')
    }

    It 'offers the project names on the engine, stopped projects too' -Skip:(-not $script:EngineUp) {
        Complete "Get-ComposeProject $($script:Project.Substring(0, 20))" | Should -Be $script:Project
        Complete "Get-ComposeService -ProjectName pwshux-completion-" | Should -Contain $script:Project
    }

    It 'offers the -Format values' {
        Complete 'Get-ComposeConfig -Format ' | Should -Be @('Json', 'Table', 'Yaml')
    }
}

Describe 'Completion against an engine that does not answer' -Tag Docker {
    BeforeAll {
        # Accepts connections (the kernel does, into the backlog) and never answers them.
        $script:Silent = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $script:Silent.Start()
        $script:SavedHost = $env:DOCKER_HOST
        $env:DOCKER_HOST = "tcp://127.0.0.1:$($script:Silent.LocalEndpoint.Port)"
    }
    AfterAll {
        $env:DOCKER_HOST = $script:SavedHost
        $script:Silent.Stop()
    }
    BeforeEach { Push-Location $script:Dir }
    AfterEach { Pop-Location }

    It 'answers within the 300 ms budget with what is known' {
        $elapsed = Measure-Command { $script:Names = Complete 'Get-ComposeProject ' }
        $script:Names | Should -BeNullOrEmpty
        $elapsed.TotalMilliseconds | Should -BeLessThan 2000
        $script:Silent.Pending() | Should -BeTrue -Because 'the completer did ask the engine'
    }

    It 'falls back to the file''s names for a state-aware cmdlet' {
        Complete 'Stop-ComposeService ' | Should -Be @('web', 'worker', 'db', 'debug')
    }

    It 'does not call the engine for what the file answers' {
        $fresh = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $fresh.Start()
        try {
            $env:DOCKER_HOST = "tcp://127.0.0.1:$($fresh.LocalEndpoint.Port)"
            Complete 'Get-ComposeService ' | Should -Be @('web', 'worker', 'db', 'debug')
            Complete 'Invoke-ComposeUp -Profile ' | Should -Be @('extra', 'tools')
            Start-Sleep -Milliseconds 200
            $fresh.Pending() | Should -BeFalse
        }
        finally {
            $env:DOCKER_HOST = "tcp://127.0.0.1:$($script:Silent.LocalEndpoint.Port)"
            $fresh.Stop()
        }
    }
}
