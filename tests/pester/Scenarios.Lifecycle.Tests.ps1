# User scenarios: bringing projects up, stopping, starting, pausing, restarting, removing and taking them down from a
# script, checked against what the engine holds (docker inspect) and the reference `docker compose`.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $script:Sleeper = Get-SleeperService
    $script:TwoServices = @"
services:
  db:
$Sleeper
  web:
$Sleeper
    depends_on: [db]
"@

    function script:StartedAt([string] $project, [string] $service) {
        (Get-EngineContainer $project $service).State.StartedAt
    }

    function script:Catch([scriptblock] $block) {
        try { & $block; $null } catch { $_ }
    }
}

Describe 'Invoke-ComposeUp from a script' {
    BeforeAll { $script:U = New-ScenarioProject -Theme up -Yaml $TwoServices }
    AfterAll { $U | Remove-ScenarioProject }

    It 'brings the project up and returns one running service object per service' {
        $services = Invoke-ComposeUp -Path $U.Dir
        $services | Should -BeOfType ([PSCompose.ComposeService])
        $services.Name | Should -Be 'db', 'web'
        $services.Running | Should -Be 1, 1
        $reference = Invoke-ReferenceCompose $U.Dir ps --format json | ForEach-Object { $_ | ConvertFrom-Json }
        $reference.State | Should -Be 'running', 'running'
    }

    It 'changes nothing when run again: the same containers keep running' {
        $before = (Get-EngineContainer $U.Name).Id | Sort-Object
        Invoke-ComposeUp -Path $U.Dir | Out-Null
        (Get-EngineContainer $U.Name).Id | Sort-Object | Should -Be $before
    }

    It 'prints the plan of a scale change with -WhatIf and creates nothing' {
        $text = Get-HostText { Invoke-ComposeUp -Path $U.Dir -Scale @{ web = 2 } -WhatIf }
        $text | Should -Match 'What if: Performing the operation "Converge with the plan:'
        $text | Should -Match 'service:web:2 CreateContainer'
        $text | Should -Match ([regex]::Escape("on target `"project $($U.Name)`""))
        @(Get-EngineContainer $U.Name web).Count | Should -Be 1
    }

    It 'scales with -Scale @{ web = 2 } and back, as docker compose ps shows' {
        (Invoke-ComposeUp -Path $U.Dir -Scale @{ web = 2 } | Where-Object Name -eq web).Running | Should -Be 2
        (Invoke-ReferenceCompose $U.Dir ps web --format json | ForEach-Object { $_ | ConvertFrom-Json }).Name |
            Sort-Object | Should -Be "$($U.Name)-web-1", "$($U.Name)-web-2"
        Invoke-ComposeUp -Path $U.Dir -Timeout 0 | Out-Null
        @(Get-EngineContainer $U.Name web).Count | Should -Be 1
    }

    It 'refuses -Build with -NoBuild with a ParameterConflict error a try/catch can tell apart' {
        $caught = Catch { Invoke-ComposeUp -Path $U.Dir -Build -NoBuild -ErrorAction Stop }
        $caught.FullyQualifiedErrorId | Should -Be 'ParameterConflict,PSCompose.Cmdlets.InvokeComposeUpCommand'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses a -Scale count that is not a number with ScaleInvalid' {
        $caught = Catch { Invoke-ComposeUp -Path $U.Dir -Scale @{ web = 'many' } -ErrorAction Stop }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ScaleInvalid,*'
    }

    It 'refuses -Scale of a service the project does not have, as docker compose does' {
        $caught = Catch { Invoke-ComposeUp -Path $U.Dir -Scale @{ nosuch = 2 } -WhatIf -ErrorAction Stop }
        $caught | Should -Not -BeNullOrEmpty -Because 'docker compose up --scale nosuch=2 fails with "no such service: nosuch"'
        $caught.FullyQualifiedErrorId | Should -BeLike 'ComposeServiceNotFound,*'
        $caught.TargetObject | Should -Be 'nosuch'
    }
}

Describe 'Stopping, starting, pausing and removing services' {
    BeforeAll {
        $script:S = New-ScenarioProject -Theme svc -Yaml $TwoServices
        Invoke-ComposeUp -Path $S.Dir | Out-Null
    }
    AfterAll { $S | Remove-ScenarioProject }

    It 'says with -WhatIf which containers Stop-ComposeService would stop, and stops none' {
        $text = Get-HostText { Stop-ComposeService web -Path $S.Dir -WhatIf }
        # The plan, as Invoke-ComposeUp -WhatIf shows it: web alone (docker compose stop web leaves db running).
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Stop with the plan:"))
        $text | Should -Match ([regex]::Escape("#1 service:web:1 StopContainer (stop)"))
        $text | Should -Match ([regex]::Escape("on target `"project $($S.Name)`""))
        $text | Should -Not -Match 'service:db'
        (Get-EngineContainer $S.Name web).State.Running | Should -BeTrue
    }

    It 'stops only web when Get-ComposeService web is piped to Stop-ComposeService' {
        Get-ComposeService web -Path $S.Dir | Stop-ComposeService
        (Get-EngineContainer $S.Name web).State.Status | Should -Be 'exited'
        (Get-EngineContainer $S.Name db).State.Running | Should -BeTrue
    }

    It 'starts web again with -PassThru returning it running' {
        $started = Start-ComposeService web -Path $S.Dir -PassThru
        $started.Name | Should -Contain 'web'
        ($started | Where-Object Name -eq web).Running | Should -Be 1
        (Get-EngineContainer $S.Name web).State.Running | Should -BeTrue
    }

    It 'stops every service without a prompt under $ConfirmPreference = Low when given -Confirm:$false' {
        $ConfirmPreference = 'Low'
        Stop-ComposeService -Path $S.Dir -Timeout 1 -Confirm:$false
        (Get-EngineContainer $S.Name).State.Running | Should -Not -Contain $true
        Start-ComposeService -Path $S.Dir -Confirm:$false
        (Get-EngineContainer $S.Name).State.Running | Should -Be $true, $true
    }

    It 'pauses with Suspend-ComposeService and resumes with Resume-ComposeService' {
        Suspend-ComposeService web -Path $S.Dir
        (Get-EngineContainer $S.Name web).State.Paused | Should -BeTrue
        (Get-ComposeContainer web -Path $S.Dir).State | Should -Be 'paused'
        (Invoke-ReferenceCompose $S.Dir ps web --format json | ConvertFrom-Json).State | Should -Be 'paused'
        Resume-ComposeService web -Path $S.Dir
        (Get-EngineContainer $S.Name web).State.Paused | Should -BeFalse
        (Get-ComposeContainer web -Path $S.Dir).State | Should -Be 'running'
    }

    It 'kills with Stop-ComposeService -Kill: exit code 137 in Get-ComposeContainer -All and on the engine' {
        Stop-ComposeService web -Path $S.Dir -Kill
        (Get-EngineContainer $S.Name web).State.ExitCode | Should -Be 137
        (Get-ComposeContainer web -Path $S.Dir -All).ExitCode | Should -Be 137
        Start-ComposeService web -Path $S.Dir
    }

    It 'restarts the known service and reports the unknown one through -ErrorVariable' {
        $before = StartedAt $S.Name db
        Restart-ComposeService db, nosuch -Path $S.Dir -NoDeps -Timeout 1 -ErrorVariable problems -ErrorAction SilentlyContinue
        StartedAt $S.Name db | Should -Not -Be $before
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ComposeServiceNotFound,PSCompose.Cmdlets.RestartComposeServiceCommand'
        $problems[0].TargetObject | Should -Be 'nosuch'
    }

    It 'stops on an unknown service with -ErrorAction Stop and touches nothing' {
        $before = StartedAt $S.Name web
        $caught = Catch { Stop-ComposeService nosuch -Path $S.Dir -ErrorAction Stop }
        $caught.FullyQualifiedErrorId | Should -Be 'ComposeServiceNotFound,PSCompose.Cmdlets.StopComposeServiceCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        StartedAt $S.Name web | Should -Be $before
    }

    It 'refuses to start a project the engine does not know' {
        $caught = Catch { Start-ComposeService -ProjectName "psc-pester-nosuch-$([guid]::NewGuid().ToString('N').Substring(0, 8))" -ErrorAction Stop }
        $caught | Should -Not -BeNullOrEmpty -Because 'docker compose -p <unknown> start fails with "no containers to start"'
    }

    It 'removes nothing with Remove-ComposeService -WhatIf' {
        Stop-ComposeService web -Path $S.Dir -Timeout 1
        $text = Get-HostText { Remove-ComposeService web -Path $S.Dir -WhatIf }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Remove with the plan:"))
        $text | Should -Match ([regex]::Escape("#1 service:web:1 RemoveContainer (rm)"))
        $text | Should -Not -Match 'service:db'
        Get-EngineContainer $S.Name web | Should -Not -BeNullOrEmpty
    }

    It 'removes the stopped web container with Remove-ComposeService -Force -PassThru' {
        $removed = Remove-ComposeService web -Path $S.Dir -Force -PassThru
        $removed.Name | Should -Be "$($S.Name)-web-1"
        $removed | Should -BeOfType ([PSCompose.ComposeContainer])
        Get-EngineContainer $S.Name web | Should -BeNullOrEmpty
        (Get-EngineContainer $S.Name db).State.Running | Should -BeTrue
    }
}

Describe 'Pipelines between the cmdlets' {
    BeforeAll {
        $script:R = New-ScenarioProject -Theme pipe -Yaml @"
services:
  db:
$Sleeper
  web:
$Sleeper
    healthcheck:
      test: ["CMD", "false"]
      interval: 1s
      retries: 1
  api:
$Sleeper
"@
        Invoke-ComposeUp -Path $R.Dir | Out-Null
        Wait-Until { (Get-EngineContainer $R.Name web).State.Health.Status -eq 'unhealthy' } -Because 'web to turn unhealthy'
    }
    AfterAll { $R | Remove-ScenarioProject }

    It 'fails Invoke-ComposeUp -Wait on the unhealthy service with ServiceUnhealthy and the message up --wait gives' {
        $caught = Catch { Invoke-ComposeUp -Path $R.Dir -Wait -WaitTimeout 60 -ErrorAction Stop }
        $caught.FullyQualifiedErrorId | Should -Be 'ServiceUnhealthy,PSCompose.Cmdlets.InvokeComposeUpCommand'
        $caught.TargetObject | Should -Be 'web'
        $reference = docker compose --project-directory $R.Dir up -d --wait --wait-timeout 60 2>&1 | Select-Object -Last 1
        $LASTEXITCODE | Should -Not -Be 0
        $caught.Exception.Message | Should -Be "$reference"
    }

    It 'restarts exactly the unhealthy service: Get-ComposeService | Where-Object Health -eq unhealthy | Restart-ComposeService' {
        $web, $db = (StartedAt $R.Name web), (StartedAt $R.Name db)
        Push-Location $R.Dir
        try { Get-ComposeService | Where-Object Health -eq unhealthy | Restart-ComposeService -Timeout 1 }
        finally { Pop-Location }
        StartedAt $R.Name web | Should -Not -Be $web
        StartedAt $R.Name db | Should -Be $db
    }

    It 'restarts the service of each container piped from Get-ComposeContainer' {
        $api, $db = (StartedAt $R.Name api), (StartedAt $R.Name db)
        Get-ComposeContainer api -Path $R.Dir | Restart-ComposeService -Timeout 1 -ErrorAction Stop
        StartedAt $R.Name api | Should -Not -Be $api
        StartedAt $R.Name db | Should -Be $db
    }

    It 'restarts a service whose name is piped in as a string' {
        $api = StartedAt $R.Name api
        'api' | Restart-ComposeService -Path $R.Dir -Timeout 1 -ErrorAction Stop
        StartedAt $R.Name api | Should -Not -Be $api
    }

    It 'stops and starts every service from the labels: Get-ComposeService -ProjectName | Stop-ComposeService' {
        Push-Location ([System.IO.Path]::GetTempPath())
        try {
            Get-ComposeService -ProjectName $R.Name | Stop-ComposeService -Timeout 1
            (Get-EngineContainer $R.Name).State.Running | Should -Not -Contain $true
            Get-ComposeService -ProjectName $R.Name | Start-ComposeService
            (Get-EngineContainer $R.Name).State.Running | Should -Be $true, $true, $true
        }
        finally { Pop-Location }
    }

    It 'converges the piped project from its own files, not the current folder: Get-ComposeProject | Invoke-ComposeUp' {
        $before = (Get-EngineContainer $R.Name).Id | Sort-Object
        Push-Location $TestDrive
        try { $services = Get-ComposeProject -Name $R.Name | Invoke-ComposeUp -ErrorAction Stop }
        finally { Pop-Location }
        $services.Name | Sort-Object | Should -Be 'api', 'db', 'web'
        (Get-EngineContainer $R.Name).Id | Sort-Object | Should -Be $before
    }

    It 'takes the project down when Get-ComposeProject pipes it to Invoke-ComposeDown' {
        Get-ComposeProject -Name $R.Name | Invoke-ComposeDown -Timeout 0 -Confirm:$false -ErrorAction Stop
        Get-EngineContainer $R.Name | Should -BeNullOrEmpty
    }
}

Describe 'Taking a project down' {
    BeforeAll {
        $script:D = New-ScenarioProject -Theme down -Yaml @"
services:
  web:
$Sleeper
    volumes: ["data:/data"]
volumes:
  data: {}
"@
        Invoke-ComposeUp -Path $D.Dir | Out-Null
        $script:Other = New-ScenarioProject -Theme refdown -Yaml "services:`n  web:`n$Sleeper"
        Invoke-ReferenceCompose $Other.Dir up -d | Out-Null
    }
    AfterAll { $D, $Other | Remove-ScenarioProject }

    It 'prints the down plan with -WhatIf and removes nothing' {
        $text = Get-HostText { Invoke-ComposeDown -Path $D.Dir -Volumes -WhatIf }
        $text | Should -Match 'What if: Performing the operation "Take down with the plan:'
        $text | Should -Match 'service:web:1 RemoveContainer'
        $text | Should -Match 'volume:data RemoveVolume'
        Get-EngineContainer $D.Name web | Should -Not -BeNullOrEmpty
    }

    It 'removes containers, network and named volume with -Volumes -Confirm:$false, and -PassThru lists the containers' {
        $removed = Invoke-ComposeDown -Path $D.Dir -Volumes -Timeout 0 -Confirm:$false -PassThru
        $removed.Name | Should -Be "$($D.Name)-web-1"
        Get-EngineContainer $D.Name | Should -BeNullOrEmpty
        docker network ls -q --filter "label=com.docker.compose.project=$($D.Name)" | Should -BeNullOrEmpty
        docker volume ls -q --filter "label=com.docker.compose.project=$($D.Name)" | Should -BeNullOrEmpty
    }

    It 'takes down by -ProjectName alone a project the reference compose brought up' {
        Push-Location ([System.IO.Path]::GetTempPath())
        try { Invoke-ComposeDown -ProjectName $Other.Name -Timeout 0 -Confirm:$false }
        finally { Pop-Location }
        Get-EngineContainer $Other.Name | Should -BeNullOrEmpty
        docker compose ls -a --format json --filter "name=$($Other.Name)" | ConvertFrom-Json | Should -BeNullOrEmpty
    }
}
