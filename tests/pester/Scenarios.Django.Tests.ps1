# The seed's Django quick start, for real: examples/django (version: '3', build: ., container_name, the bind mount,
# runserver on 8000) brought up by its demo script in pwsh, then run and exec as a user types them, with the
# reference docker compose looking at the same project.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
}

Describe 'The Django quick start' -Tag Docker {
    BeforeAll {
        $script:D = New-ScenarioProject -Theme django -Yaml '# replaced by the Django example'
        Copy-Item (Join-Path $PSScriptRoot '../../examples/django/*') $D.Dir -Recurse -Force
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $script:Port = $listener.LocalEndpoint.Port; $listener.Stop()
        (Get-Content -Raw $D.File).Replace('127.0.0.1:8000:8000', "127.0.0.1:${Port}:8000") | Set-Content $D.File
        Push-Location $D.Dir
    }
    AfterAll {
        Pop-Location
        $D | Remove-ScenarioProject
        docker rmi -f "$($D.Name)-web" 2>&1 | Out-Null
    }

    It 'comes up from its demo script: the version warning, the admin login page, migrate in a one-off, exec by container_name' {
        $all = & (Join-Path $D.Dir 'demo.ps1') -Port $Port -KeepRunning 3>&1
        $warnings = $all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
        $out = $all | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }
        ($warnings -join "`n") | Should -Match 'the attribute `version` is obsolete'
        $out | Should -Contain 'Admin page: Log in | Django site admin'
        $out | Should -Contain 'Running migrations:'
        $out | Should -Contain ' [X] 0001_initial'
        (Get-EngineContainer $D.Name web | Where-Object { $_.Config.Labels.'com.docker.compose.oneoff' -eq 'False' }).Name | Should -Be '/music_service'
    }

    # Compose 2.40.3's down leaves one-offs (exited or not) unless --remove-orphans is given; the same holds for ours.
    It 'runs manage.py in a one-off that ignores container_name, which docker compose sees and takes down' {
        $lines = Invoke-ComposeRun web python manage.py showmigrations auth 3>$null
        $lines | Should -Contain ' [X] 0001_initial'
        $LASTEXITCODE | Should -Be 0
        $oneOff = Get-EngineContainer $D.Name web | Where-Object { $_.Config.Labels.'com.docker.compose.oneoff' -eq 'True' }
        $oneOff.Name | Should -Match "^/$($D.Name)-web-run-[0-9a-f]{12}$"
        $reference = Invoke-ReferenceCompose $D.Dir ps -a --format '{{.Name}}'
        $reference | Should -Contain $oneOff.Name.TrimStart('/')
        Invoke-ReferenceCompose $D.Dir down --remove-orphans | Out-Null
        Get-EngineContainer $D.Name | Should -BeNullOrEmpty
    }

    It 'answers exec on a stopped project with Compose''s error, as an error record' {
        { Invoke-ComposeExec web -- python manage.py check -ErrorAction Stop 3>$null } |
            Should -Throw -ErrorId 'ServiceNotRunning,PSCompose.Cmdlets.InvokeComposeExecCommand'
    }
}
