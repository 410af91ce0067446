# User scenarios for Invoke-ComposeUp -Attach (docker compose up without -d): the seed's counter app brought up
# attached in a real pwsh and stopped with a real Ctrl+C (tmux), and a CI-style run whose exit code is a value and,
# under -ErrorAction Stop, an error; both checked against the engine and the reference docker compose.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $script:Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1')).Path
    # This pwsh again: its apphost, or dotnet with pwsh.dll when it runs as `dotnet tool run pwsh`.
    $exe = (Get-Process -Id $PID).Path
    $script:Pwsh = if ((Split-Path -Leaf $exe) -like 'dotnet*') { "'$exe' '$(Join-Path $PSHOME 'pwsh.dll')'" } else { "'$exe'" }

    function script:State([string] $project, [string] $service) { (Get-EngineContainer $project $service).State }
}

Describe 'The counter app attached, stopped with Ctrl+C in a real pwsh' -Tag Docker {
    BeforeAll {
        $script:C = New-ScenarioProject -Theme attach -Yaml '# replaced by the counter example'
        Copy-Item (Join-Path $PSScriptRoot '../../examples/counter/*') $C.Dir -Recurse -Force
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $script:Port = $listener.LocalEndpoint.Port; $listener.Stop()
        (Get-Content -Raw $C.File).Replace('127.0.0.1:8000:5000', "127.0.0.1:${Port}:5000") | Set-Content $C.File
        $script:Session = $C.Name
        $script:Done = Join-Path $C.Dir 'done.txt'
        $script:Script = Join-Path $C.Dir 'attached-up.ps1'
        Set-Content $Script @"
Import-Module '$Manifest'
Set-Location '$($C.Dir)'
`$sw = [Diagnostics.Stopwatch]::StartNew()
try { Invoke-ComposeUp -Attach -Build }
finally { Set-Content '$Done' ('{0} {1}' -f `$LASTEXITCODE, `$sw.Elapsed.TotalSeconds) }
"@
        tmux new-session -d -s $Session -x 200 -y 50 "$Pwsh -NoProfile -NoExit -File '$Script'"
        function script:Pane { (tmux capture-pane -p -t $Session -S -200) -join "`n" }
    }
    AfterAll {
        tmux kill-session -t $Session 2>$null
        $C | Remove-ScenarioProject
        docker rmi -f "$($C.Name)-web" 2>&1 | Out-Null
    }

    It 'shows the aggregated output of web and redis, like the seed''s docker compose up' {
        Wait-Until -TimeoutSeconds 180 -Because "web and redis output in the pane:`n$(Pane)" {
            $text = Pane
            $text -match 'redis-1\s+\| .*Ready to accept connections' -and $text -match 'web-1\s+\| .*Running on'
        }
        $client = [System.Net.Http.HttpClient]::new()
        Wait-Until -Because 'the counter page' {
            try { $client.GetStringAsync("http://127.0.0.1:$Port/").GetAwaiter().GetResult() -match 'I have been seen 1 times' } catch { $false }
        }
        Wait-Until -Because "the request in web's log:`n$(Pane)" { (Pane) -match 'web-1\s+\| .*"GET / HTTP/1.1" 200' }
    }

    It 'stops web and redis on Ctrl+C, removes nothing, and returns with 130' {
        $pressed = [Diagnostics.Stopwatch]::StartNew()
        tmux send-keys -t $Session C-c
        Wait-Until -TimeoutSeconds 30 -Because "the cmdlet to return after Ctrl+C:`n$(Pane)" { Test-Path $Done }
        $returned = $pressed.Elapsed.TotalSeconds
        Write-Host ("Ctrl+C in tmux: the attached up returned {0:0.0} s after the key" -f $returned)
        (Get-Content $Done).Split(' ')[0] | Should -Be '130'
        $returned | Should -BeLessThan 15 # stop_grace_period 10 s at most, plus the engine calls
        foreach ($service in 'web', 'redis') {
            $state = State $C.Name $service
            $state | Should -Not -BeNullOrEmpty -Because "$service must not be removed"
            $state.Running | Should -BeFalse -Because "$service must be stopped"
        }
        (Pane) | Should -Match 'PS .*>' # the prompt is back: the cmdlet did not hang
    }
}

Describe 'A CI step: Invoke-ComposeUp -Attach -AbortOnContainerExit -ExitCodeFrom test' -Tag Docker {
    BeforeAll {
        $script:T = New-ScenarioProject -Theme attach -Yaml @"
services:
  db:
    image: pscompose/busybox:latest
    command: ["sleep", "600"]
  test:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "echo testing; echo 1 failure >&2; exit 3"]
    depends_on: [db]
"@
        docker compose --project-directory $T.Dir up --abort-on-container-exit --exit-code-from test -t 1 2>&1 | Out-Null
        $script:ReferenceCode = $LASTEXITCODE
        docker compose --project-directory $T.Dir down -t 0 2>&1 | Out-Null
    }
    AfterAll { $T | Remove-ScenarioProject }

    It 'returns the test service''s exit code as a value, as docker compose returns it' {
        Push-Location $T.Dir
        try { $r = Invoke-ComposeUp -Attach -AbortOnContainerExit -ExitCodeFrom test -Timeout 1 -ErrorAction SilentlyContinue -ErrorVariable failed }
        finally { Pop-Location }
        $ReferenceCode | Should -Be 3
        $r.ExitCode | Should -Be $ReferenceCode
        $LASTEXITCODE | Should -Be $ReferenceCode
        $result = $r | Where-Object { $_ -is [PSCompose.ComposeUpResult] }
        ($result.Containers | Where-Object Service -eq test).ExitCode | Should -Be 3
        $lines = $r | Where-Object { $_ -is [PSCompose.ComposeLogRecord] }
        ($lines | Where-Object Stream -eq Stdout).Line | Should -Contain 'testing'
        ($lines | Where-Object Stream -eq Stderr).Line | Should -Be '1 failure'
        $failed.FullyQualifiedErrorId | Should -Be 'ContainerExitedNonZero,PSCompose.Cmdlets.InvokeComposeUpCommand'
        (State $T.Name db).Running | Should -BeFalse -Because 'the abort stops the selected services'
    }

    It 'fails a script under -ErrorAction Stop, with the exit code on the exception' {
        $caught = $null
        try { Invoke-ComposeUp -Path $T.Dir -Attach -AbortOnContainerExit -ExitCodeFrom test -Timeout 1 -ErrorAction Stop | Out-Null }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Be 'ContainerExitedNonZero,PSCompose.Cmdlets.InvokeComposeUpCommand'
        $caught.CategoryInfo.Category | Should -Be 'InvalidResult'
        $caught.TargetObject | Should -Be 'test'
        $caught.Exception.ExitCode | Should -Be $ReferenceCode
    }
}
