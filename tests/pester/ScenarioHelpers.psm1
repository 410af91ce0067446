# Shared by the tests/pester/Scenarios.*.Tests.ps1 files: throwaway projects on the real engine, the reference
# `docker compose` for comparison, and host output (What if: lines) captured as text.

# A busybox service that stops at once on SIGTERM, so stops and downs are fast.
$script:SleeperService = @'
    image: pscompose/busybox:latest
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
    stop_grace_period: 1s
'@

function Get-SleeperService {
    <# The YAML body of a fast-stopping busybox service (indented for a service key). #>
    $script:SleeperService
}

function New-ScenarioProject {
    <#
    A fresh directory named psc-pester-<theme>-<random> holding compose.yaml; the directory name is the project name,
    as it is for a user who runs the cmdlets inside it.
    #>
    param(
        [Parameter(Mandatory)] [string] $Theme,
        [Parameter(Mandatory)] [string] $Yaml
    )
    $name = 'psc-pester-{0}-{1}' -f $Theme, [guid]::NewGuid().ToString('N').Substring(0, 8)
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) $name
    New-Item -ItemType Directory -Path $dir | Out-Null
    Set-Content -Path (Join-Path $dir 'compose.yaml') -Value $Yaml
    [pscustomobject]@{ Name = $name; Dir = $dir; File = (Join-Path $dir 'compose.yaml') }
}

function Remove-ScenarioProject {
    <# Takes one of our own projects down with the reference compose (from its labels) and deletes its directory. #>
    param([Parameter(Mandatory, ValueFromPipeline)] [object] $Project)
    process {
        if ($Project.Name -notlike 'psc-pester-*') { throw "Refusing to remove '$($Project.Name)': not a psc-pester- project." }
        docker compose -p $Project.Name down -v -t 0 --remove-orphans 2>&1 | Out-Null
        Remove-Item -Recurse -Force $Project.Dir -ErrorAction SilentlyContinue
    }
}

function Get-EngineContainer {
    <# What the engine itself holds for a project, read with the docker CLI (not with PSCompose). #>
    param([Parameter(Mandatory)] [string] $ProjectName, [string] $Service)
    $filter = @('--filter', "label=com.docker.compose.project=$ProjectName")
    if ($Service) { $filter += @('--filter', "label=com.docker.compose.service=$Service") }
    $ids = docker ps -aq @filter
    if (-not $ids) { return }
    docker inspect $ids | ConvertFrom-Json
}

function Invoke-ReferenceCompose {
    <#
    The reference docker compose in a project directory: Invoke-ReferenceCompose <dir> <args...>. Stdout lines;
    throws on a non-zero exit. No param block, so arguments such as -d reach docker compose untouched.
    #>
    $dir = $args[0]
    [string[]] $arguments = $args | Select-Object -Skip 1
    $out = docker compose --project-directory $dir @arguments 2>$null
    if ($LASTEXITCODE -ne 0) { throw "docker compose $arguments exited with $LASTEXITCODE" }
    $out
}

function Get-HostText {
    <#
    Runs a script block and returns what it wrote to the host (What if: lines, prompts) as one string. pwsh writes
    ShouldProcess messages straight to the host UI, so *>&1 does not see them; a transcript does.
    #>
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $file = [System.IO.Path]::GetTempFileName()
    Start-Transcript -Path $file -UseMinimalHeader | Out-Null
    try { & $ScriptBlock | Out-Null }
    finally { Stop-Transcript | Out-Null }
    $text = Get-Content -Raw $file
    Remove-Item $file
    $text
}

function Wait-Until {
    <# Polls a condition until it is true; throws with the description after the timeout. #>
    param([Parameter(Mandatory)] [scriptblock] $Condition, [string] $Because = 'the condition', [int] $TimeoutSeconds = 60)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSeconds s waiting for $Because." }
        Start-Sleep -Milliseconds 300
    }
}

Export-ModuleMember -Function Get-SleeperService, New-ScenarioProject, Remove-ScenarioProject, Get-EngineContainer,
    Invoke-ReferenceCompose, Get-HostText, Wait-Until
