# User scenario: Watch-ComposeProject in the project folder, running in a background job while the user edits files,
# then stopped; checked in the container with the docker CLI.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $script:P = New-ScenarioProject -Theme watch -Yaml @"
services:
  web:
$sleeper
    develop:
      watch:
        - path: ./site
          action: sync
          target: /srv/site
          ignore: ['*.tmp']
"@
    New-Item -ItemType Directory -Path (Join-Path $P.Dir 'site') | Out-Null
    $script:Module = Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1'

    function script:Read-InContainer([string] $Path) {
        $text = docker exec "$($P.Name)-web-1" cat $Path 2>$null
        if ($LASTEXITCODE -eq 0) { $text }
    }
}

AfterAll {
    Get-Job -Name 'psc-watch-*' -ErrorAction SilentlyContinue | Remove-Job -Force
    $script:P | Remove-ScenarioProject
}

Describe 'Watch-ComposeProject in the project folder' {
    It 'brings the project up, copies an edited file into the container, skips *.tmp, and stops leaving the project running' {
        $dir = $P.Dir
        $job = Start-ThreadJob -Name "psc-watch-$($P.Name)" -ScriptBlock {
            Import-Module $using:Module
            Set-Location $using:dir
            Watch-ComposeProject -InformationAction Continue
        }
        $deadline = (Get-Date).AddSeconds(60)
        while (-not ($job.Information.MessageData -contains 'Watch enabled') -and (Get-Date) -lt $deadline -and $job.State -in 'NotStarted', 'Running') {
            Start-Sleep -Milliseconds 100
        }
        $job.Information.MessageData | Should -Contain 'Watch enabled'
        (Get-EngineContainer $P.Name web).State.Status | Should -Be 'running'

        Set-Content -Path (Join-Path $P.Dir 'site/index.html') -Value '<h1>edited</h1>'
        Set-Content -Path (Join-Path $P.Dir 'site/scratch.tmp') -Value 'ignored'
        $deadline = (Get-Date).AddSeconds(5)
        while ((Read-InContainer /srv/site/index.html) -ne '<h1>edited</h1>' -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Read-InContainer /srv/site/index.html | Should -Be '<h1>edited</h1>'
        Read-InContainer /srv/site/scratch.tmp | Should -BeNullOrEmpty

        $job | Stop-Job
        $events = $job | Receive-Job -ErrorAction SilentlyContinue
        $sync = @($events | Where-Object { $_.PSObject.TypeNames -contains 'PSCompose.ComposeWatchEvent' -or $_.PSObject.TypeNames -contains 'Deserialized.PSCompose.ComposeWatchEvent' })
        $sync.Count | Should -BeGreaterOrEqual 1
        $sync[0].Service | Should -Be 'web'
        "$($sync[0].Action)" | Should -Be 'Sync'
        (Get-EngineContainer $P.Name web).State.Status | Should -Be 'running'
    }
}
