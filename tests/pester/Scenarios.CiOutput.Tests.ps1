# PSCompose in a CI step, written as an Azure DevOps user writes a PowerShell@2 task (pwsh: true, errorActionPreference:
# stop, failOnStderr: true) and a GitHub Actions user a `shell: pwsh` step: the script runs in its own pwsh with TF_BUILD
# or GITHUB_ACTIONS set, and the test reads the step's stdout (where the agent and the runner find logging commands)
# and stderr (which fails an ADO step with failOnStderr).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $script:Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1')).Path
    # This pwsh again: its apphost, or dotnet with pwsh.dll when it runs as `dotnet tool run pwsh`.
    $exe = (Get-Process -Id $PID).Path
    $script:PwshCommand = if ((Split-Path -Leaf $exe) -like 'dotnet*') { @($exe, (Join-Path $PSHOME 'pwsh.dll')) } else { @($exe) }

    function script:Invoke-CiStep([string] $Dir, [string] $Script, [hashtable] $Environment) {
        # The task's wrapper: the inline script in a file, run by pwsh -NoProfile -File, stdout and stderr apart.
        $file = Join-Path $Dir ('step-{0}.ps1' -f [guid]::NewGuid().ToString('N').Substring(0, 6))
        Set-Content $file "`$ErrorActionPreference = 'Stop'`nImport-Module '$Manifest'`nSet-Location '$Dir'`n$Script"
        $errFile = "$file.stderr"
        $saved = @{}
        foreach ($name in 'TF_BUILD', 'GITHUB_ACTIONS', 'NO_COLOR') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            [Environment]::SetEnvironmentVariable('TF_BUILD', $null); [Environment]::SetEnvironmentVariable('GITHUB_ACTIONS', $null)
            [Environment]::SetEnvironmentVariable('NO_COLOR', '1')
            foreach ($kv in $Environment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
            $stdout = & $PwshCommand[0] @($PwshCommand | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2> $errFile
            $code = $LASTEXITCODE
        }
        finally {
            foreach ($kv in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($kv.Key, $kv.Value) }
        }
        [pscustomobject]@{ ExitCode = $code; Lines = @($stdout | ForEach-Object { "$_" }); Stderr = (Get-Content -Raw $errFile) }
    }

    function script:Assert-GroupsClosed([string[]] $Lines, [string] $Start, [string] $End) {
        $open = $false
        foreach ($line in $Lines) {
            if ($line.StartsWith($Start)) { $open | Should -BeFalse -Because "a group opened inside another:`n$($Lines -join "`n")"; $open = $true }
            elseif ($line -eq $End) { $open | Should -BeTrue -Because 'only an open group is closed'; $open = $false }
        }
        $open | Should -BeFalse -Because "every group is closed:`n$($Lines -join "`n")"
    }

    $script:P = New-ScenarioProject -Theme cioutput -Yaml @'
services:
  app:
    build: .
    image: ${COMPOSE_PROJECT_NAME}-app
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
  db:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "echo '##vso[task.setvariable variable=leak]1'; echo '::set-output name=x::y'; trap 'exit 0' TERM; sleep 600 & wait"]
'@
    Set-Content (Join-Path $P.Dir 'Dockerfile') "FROM pscompose/busybox:latest`nRUN echo '##vso[task.complete result=Failed]' && echo '::error::from the build'`n"
    Set-Content (Join-Path $P.Dir 'bad.yaml') "services:`n  web:`n`timage: x`n"
}

AfterAll {
    $script:P | Remove-ScenarioProject
    docker rmi -f "$($P.Name)-app" 2>&1 | Out-Null
}

Describe 'An Azure DevOps PowerShell task: up -Build, logs, down with TF_BUILD=True' -Tag Docker {
    BeforeAll {
        $script:Step = Invoke-CiStep $P.Dir @'
Invoke-ComposeUp -Build | Out-Null
while (@(Receive-ComposeLog db).Count -lt 2) { Start-Sleep -Milliseconds 200 }
Receive-ComposeLog db
Invoke-ComposeDown
'@ @{ TF_BUILD = 'True' }
    }

    It 'passes: exit code 0 and nothing on stderr (failOnStderr would fail the task)' {
        $Step.ExitCode | Should -Be 0 -Because ($Step.Lines -join "`n")
        $Step.Stderr | Should -BeNullOrEmpty
    }

    It 'writes the build, create and start of each service and the down in closed groups' {
        Assert-GroupsClosed $Step.Lines '##[group]' '##[endgroup]'
        $Step.Lines | Should -Contain "##[group]Compose up $($P.Name): build app"
        $Step.Lines | Should -Contain "##[group]Compose up $($P.Name): start db"
        $Step.Lines | Should -Contain "##[group]Compose down $($P.Name): remove app"
    }

    It 'lets neither the build nor a container issue a logging command' {
        $Step.Lines | Where-Object { $_.Contains('##vso[') } | Should -BeNullOrEmpty
        $Step.Lines | Where-Object { $_.TrimStart().StartsWith('::') } | Should -BeNullOrEmpty
        $Step.Lines | Should -Contain 'db-1  | *#vso[task.setvariable variable=leak]1'
        $Step.Lines | Should -Contain 'db-1  | ::set-output name=x::y' # not at the start of the line: no command
        $Step.Lines | Where-Object { $_ -like '*#vso`[task.complete result=Failed]*' } | Should -Not -BeNullOrEmpty
    }
}

Describe 'A broken compose file in a CI step' -Tag Docker {
    It 'is an error issue with the file and line on Azure Pipelines' {
        $step = Invoke-CiStep $P.Dir 'Get-ComposeConfig -File bad.yaml' @{ TF_BUILD = 'True' }
        $step.ExitCode | Should -Be 1
        $step.Lines | Where-Object { $_.StartsWith("##vso[task.logissue type=error;sourcepath=$(Join-Path $P.Dir 'bad.yaml');linenumber=3;") } |
            Should -HaveCount 1
    }

    It 'is an ::error command with the file and line on GitHub Actions' {
        $step = Invoke-CiStep $P.Dir 'Get-ComposeConfig -File bad.yaml' @{ GITHUB_ACTIONS = 'true' }
        $step.ExitCode | Should -Be 1
        $step.Lines | Where-Object { $_.StartsWith("::error file=$(Join-Path $P.Dir 'bad.yaml'),line=3::") } | Should -HaveCount 1
    }
}

Describe 'Ctrl+C in a CI step while up -Wait waits (real pwsh in tmux)' -Tag Docker {
    BeforeAll {
        # A health check that never finishes: -Wait waits with the "start" group open until the key.
        $script:W = New-ScenarioProject -Theme cioutput -Yaml @'
services:
  db:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
    healthcheck:
      test: ["CMD", "sleep", "100"]
      interval: 200s
      timeout: 200s
'@
        $script:Done = Join-Path $W.Dir 'done.txt'
        $script:StepFile = Join-Path $W.Dir 'step.ps1'
        Set-Content $StepFile @"
Import-Module '$Manifest'
Set-Location '$($W.Dir)'
try { Invoke-ComposeUp -Wait } finally { Set-Content '$Done' 'returned' }
"@
        $pwshLine = ($PwshCommand | ForEach-Object { "'$_'" }) -join ' '
        tmux new-session -d -s $W.Name -x 200 -y 50 "TF_BUILD=True NO_COLOR=1 $pwshLine -NoProfile -NoExit -File '$StepFile'"
        function script:Pane { @(tmux capture-pane -p -t $W.Name -S -200) }
    }
    AfterAll {
        tmux kill-session -t $W.Name 2>$null
        $W | Remove-ScenarioProject
    }

    It 'closes the open group when the step is stopped' {
        Wait-Until -TimeoutSeconds 120 -Because "the start group in the pane:`n$((Pane) -join "`n")" {
            (Pane) -contains "##[group]Compose up $($W.Name): start db"
        }
        Start-Sleep -Seconds 1
        tmux send-keys -t $W.Name C-c
        Wait-Until -TimeoutSeconds 30 -Because "the cmdlet to return after Ctrl+C:`n$((Pane) -join "`n")" { Test-Path $Done }
        # The pane shows the key as ^C; the line the host writes after it closes the group.
        $lines = @(Pane | ForEach-Object { $_ -replace '^\^C', '' } | Where-Object { $_ })
        Assert-GroupsClosed $lines '##[group]' '##[endgroup]'
    }
}
