# Lifecycle against the real engine and the reference `docker compose`. They need the local busybox image that
# .ci/setup-machine.sh builds (pscompose/busybox:latest); nothing is pulled. Without an engine they fail: they are
# never skipped (exclude them with -ExcludeTag Docker).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    $script:Project = 'psc-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) $script:Project
    New-Item -ItemType Directory -Path $script:Dir | Out-Null
    Set-Content -Path (Join-Path $script:Dir 'compose.yaml') -Value @'
services:
  web:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
'@
}

AfterAll {
    docker compose -p $script:Project down -v -t 0 2>$null | Out-Null
    Remove-Item -Recurse -Force $script:Dir -ErrorAction SilentlyContinue
}

Describe 'Invoke-ComposeUp and Invoke-ComposeDown' -Tag Docker {
    It 'brings the project up and docker compose sees it unchanged' {
        $services = Invoke-ComposeUp -Path $script:Dir -ProjectName $script:Project
        $services.Name | Should -Be 'web'
        $services.Running | Should -Be 1
        $before = docker ps -q --filter "label=com.docker.compose.project=$($script:Project)"
        docker compose --project-directory $script:Dir -p $script:Project up -d 2>$null
        docker ps -q --filter "label=com.docker.compose.project=$($script:Project)" | Should -Be $before
    }

    It 'lists the project as a typed object' {
        $project = Get-ComposeProject -Name $script:Project
        $project | Should -BeOfType ([PSCompose.ComposeProject])
        $project.Name | Should -Be $script:Project
    }

    It 'shows the plan with -WhatIf and changes nothing' {
        Invoke-ComposeUp -Path $script:Dir -ProjectName $script:Project -ForceRecreate -WhatIf | Should -BeNullOrEmpty
    }

    It 'takes the project down' {
        Invoke-ComposeDown -Path $script:Dir -ProjectName $script:Project -Confirm:$false
        docker ps -aq --filter "label=com.docker.compose.project=$($script:Project)" | Should -BeNullOrEmpty
    }
}
