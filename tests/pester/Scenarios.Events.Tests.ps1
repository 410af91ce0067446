# User scenarios: what happened to a project (Get-ComposeEvent) and waiting for its services (Wait-ComposeService),
# the way a CI script uses them, checked against `docker compose events --json`, `docker compose wait` and the engine.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $script:P = New-ScenarioProject -Theme events -Yaml @"
services:
  web:
$sleeper
    healthcheck: {test: ["CMD", "true"], interval: 1s}
  job:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "while [ ! -f /tmp/go ]; do sleep 0.1; done; exit 4"]
"@
    $script:Started = Get-Date
    Invoke-ReferenceCompose $P.Dir up -d | Out-Null
}

AfterAll {
    $script:P | Remove-ScenarioProject
}

Describe 'Get-ComposeEvent in a script' {
    It 'returns the last five minutes and ends: the create and start of every container, as docker compose events saw them' {
        Push-Location $P.Dir
        try { $events = Get-ComposeEvent -Since (Get-Date).AddMinutes(-5) -Until (Get-Date) }
        finally { Pop-Location }
        $events | Should -Not -BeNullOrEmpty
        $events | ForEach-Object { $_.GetType().FullName } | Sort-Object -Unique | Should -Be 'PSCompose.ComposeEvent'
        ($events | Where-Object Action -EQ create).Container | Sort-Object | Should -Be @("$($P.Name)-job-1", "$($P.Name)-web-1")
        ($events | Where-Object Action -EQ start).Service | Sort-Object | Should -Be @('job', 'web')
        $engineIds = docker ps -a --filter "label=com.docker.compose.project=$($P.Name)" --format '{{.ID}}' --no-trunc
        $events.Id | Sort-Object -Unique | Should -Be ($engineIds | Sort-Object)
        $events.Time | ForEach-Object { $_ | Should -BeGreaterOrEqual ([DateTimeOffset]$script:Started.AddSeconds(-1)) }
    }

    It 'writes JSON with what docker compose events --json writes for the same event' {
        $since = [DateTimeOffset]::new($script:Started).ToUnixTimeSeconds() - 1
        # Whole seconds, rounded outwards: a truncated 'now' can fall before creates of the same second.
        $until = [DateTimeOffset]::Now.ToUnixTimeSeconds() + 1
        $reference = docker events --since $since --until $until --filter type=container --filter "label=com.docker.compose.project=$($P.Name)" --filter event=create --format '{{json .}}' |
            ForEach-Object { $_ | ConvertFrom-Json }
        $ours = Get-ComposeEvent -ProjectName $P.Name -Since $since -Until $until | Where-Object Action -EQ create |
            ForEach-Object { $_ | ConvertTo-Json -Compress | ConvertFrom-Json }
        $ours.Count | Should -Be 2
        foreach ($e in $ours) {
            $r = $reference | Where-Object { $_.Actor.ID -eq $e.Id }
            $e.TimeNano | Should -Be $r.timeNano
            $e.Service | Should -Be $r.Actor.Attributes.'com.docker.compose.service'
            $e.Attributes.name | Should -Be $r.Actor.Attributes.name
            $e.Attributes.image | Should -Be $r.Actor.Attributes.image
            @($e.Attributes.PSObject.Properties.Name | Where-Object { $_ -like 'com.docker.compose.*' }).Count | Should -Be 0
        }
    }
}

Describe 'Wait-ComposeService in a script' {
    It 'waits for the job and gives its exit code, which exit can pass on' {
        docker exec -d "$($P.Name)-job-1" sh -c 'sleep 3; touch /tmp/go'
        Push-Location $P.Dir
        try { $result = Wait-ComposeService -Name job }
        finally { Pop-Location }
        $result.ExitCode | Should -Be 4
        $result.Service | Should -Be 'job'
        (Get-EngineContainer $P.Name job).State.ExitCode | Should -Be 4
    }

    It 'fails as docker compose wait does once nothing of the service runs' {
        $reference = docker compose --project-directory $P.Dir wait job 2>&1
        $LASTEXITCODE | Should -Be 1
        { Wait-ComposeService -Path $P.Dir -Name job -ErrorAction Stop } | Should -Throw -ErrorId 'NoContainerToWait,PSCompose.Cmdlets.WaitComposeServiceCommand'
        "$reference" | Should -Match 'no containers for project'
    }

    It 'waits until web is healthy, with a timeout in seconds' {
        $ready = Wait-ComposeService -Path $P.Dir -Name web -Condition Healthy -Timeout 30
        $ready.Name | Should -Be "$($P.Name)-web-1"
        (Get-EngineContainer $P.Name web).State.Health.Status | Should -Be 'healthy'
    }
}
