# User scenarios: the module used from several runspaces of one process at once — Start-ThreadJob and
# ForEach-Object -Parallel, each importing the module itself as a script in a job does.
BeforeAll {
    $script:ModulePath = (Resolve-Path (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1')).Path
    Import-Module $ModulePath -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $yaml = "services:`n  db:`n$sleeper`n  web:`n$sleeper`n    depends_on: [db]`n"
    $script:Projects = 1..2 | ForEach-Object { New-ScenarioProject -Theme par -Yaml $yaml }
}

AfterAll {
    $Projects | Remove-ScenarioProject
}

Describe 'Thread jobs' {
    It 'brings two projects up at once from Start-ThreadJob' {
        $jobs = foreach ($p in $Projects) {
            Start-ThreadJob -ArgumentList $ModulePath, $p.Dir -ScriptBlock {
                param($module, $dir)
                Import-Module $module
                Invoke-ComposeUp -Path $dir -ErrorAction Stop
            }
        }
        $results = $jobs | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $results | Should -HaveCount 4
        foreach ($p in $Projects) {
            ($results | Where-Object ProjectName -eq $p.Name).Name | Should -Be 'db', 'web'
            (Get-EngineContainer $p.Name).State.Running | Should -Be $true, $true
        }
    }

    It 'reads one project from four thread jobs at once, each seeing what the engine holds' {
        $p = $Projects[0]
        $jobs = 1..4 | ForEach-Object {
            Start-ThreadJob -ArgumentList $ModulePath, $p.Dir -ScriptBlock {
                param($module, $dir)
                Import-Module $module
                Get-ComposeContainer -Path $dir | Sort-Object Name | ForEach-Object Id
            }
        }
        $ids = (Get-EngineContainer $p.Name | Sort-Object Name).Id
        foreach ($job in $jobs) { Receive-Job $job -Wait -AutoRemoveJob -ErrorAction Stop | Should -Be $ids }
    }

    It 'stops one service and restarts another of the same project from two jobs at once' {
        $p = $Projects[1]
        $before = (Get-EngineContainer $p.Name db).State.StartedAt
        $stop = Start-ThreadJob -ArgumentList $ModulePath, $p.Dir -ScriptBlock {
            param($module, $dir) Import-Module $module; Stop-ComposeService web -Path $dir -Timeout 1 -ErrorAction Stop
        }
        $restart = Start-ThreadJob -ArgumentList $ModulePath, $p.Dir -ScriptBlock {
            param($module, $dir) Import-Module $module; Restart-ComposeService db -NoDeps -Path $dir -Timeout 1 -ErrorAction Stop
        }
        $stop, $restart | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        (Get-EngineContainer $p.Name web).State.Running | Should -BeFalse
        (Get-EngineContainer $p.Name db).State.Running | Should -BeTrue
        (Get-EngineContainer $p.Name db).State.StartedAt | Should -Not -Be $before
    }

    It 'takes both projects down from ForEach-Object -Parallel' {
        $Projects | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:ModulePath
            Invoke-ComposeDown -Path $_.Dir -Timeout 0 -Confirm:$false -ErrorAction Stop
        }
        foreach ($p in $Projects) {
            Get-EngineContainer $p.Name | Should -BeNullOrEmpty
            docker network ls -q --filter "label=com.docker.compose.project=$($p.Name)" | Should -BeNullOrEmpty
        }
    }
}
