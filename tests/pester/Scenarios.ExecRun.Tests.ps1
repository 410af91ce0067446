# User scenarios: one-off commands in a project's containers, written as a user types them (the service first, then --
# and the command), in the project directory and with -ProjectName from elsewhere; checked with the docker CLI and
# next to what the reference `docker compose exec -T` / `run -T` do.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $script:P = New-ScenarioProject -Theme execrun -Yaml @"
services:
  db:
$sleeper
  web:
$sleeper
    depends_on: [db]
"@
    $script:Elsewhere = Join-Path ([System.IO.Path]::GetTempPath()) ('psc-pester-execrun-other-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $Elsewhere | Out-Null

    function script:Get-OneOff {
        Get-EngineContainer $P.Name web | Where-Object { $_.Config.Labels.'com.docker.compose.oneoff' -eq 'True' }
    }
}

AfterAll {
    # Running one-offs outlive down --remove-orphans (as in Compose): remove ours first.
    Get-OneOff | ForEach-Object { docker rm -f $_.Id | Out-Null }
    $script:P | Remove-ScenarioProject
    Remove-Item -Recurse -Force $Elsewhere -ErrorAction SilentlyContinue
}

Describe 'Invoke-ComposeRun <form>' -ForEach @(
    @{ Form = 'in the project directory'; Where = 'project' }
    @{ Form = 'with -ProjectName and -Path from another directory'; Where = 'elsewhere' }
) {
    BeforeEach {
        if ($Where -eq 'project') { Push-Location $P.Dir; $script:Project = @{} }
        else { Push-Location $Elsewhere; $script:Project = @{ ProjectName = $P.Name; Path = $P.Dir } }
    }
    AfterEach { Pop-Location }

    It "Invoke-ComposeRun web -Remove -- sh -c 'echo hi; exit 4': prints hi, exits 4, leaves no one-off" {
        $out = Invoke-ComposeRun web -Remove @Project -ErrorVariable failed -ErrorAction SilentlyContinue -- sh -c 'echo hi; exit 4'
        $LASTEXITCODE | Should -Be 4
        $out | Should -Be 'hi'
        $failed.FullyQualifiedErrorId | Should -BeLike 'ContainerExitedNonZero,*'
        $failed[0].Exception.ExitCode | Should -Be 4
        Get-OneOff | Should -BeNullOrEmpty
        (Get-EngineContainer $P.Name db).State.Status | Should -Be 'running' -Because 'run starts the dependencies first'
    }

    It 'Invoke-ComposeRun web -Detach -- sleep 60: returns the running one-off, which docker compose ps -a lists' {
        $c = Invoke-ComposeRun web -Detach @Project -- sleep 60
        $c.OneOff | Should -BeTrue
        $c.State | Should -Be 'running'
        $c.Name | Should -Match ('^' + [regex]::Escape($P.Name) + '-web-run-[0-9a-f]{12}$')
        Invoke-ReferenceCompose $P.Dir ps -a --format '{{.Name}}' | Should -Contain $c.Name
        docker rm -f $c.Id | Out-Null
    }
}

Describe 'Invoke-ComposeExec <form>' -ForEach @(
    @{ Form = 'in the project directory'; Where = 'project' }
    @{ Form = 'with -ProjectName from another directory'; Where = 'elsewhere' }
) {
    BeforeAll { Invoke-ReferenceCompose $P.Dir up -d | Out-Null }
    BeforeEach {
        if ($Where -eq 'project') { Push-Location $P.Dir; $script:Project = @{} }
        else { Push-Location $Elsewhere; $script:Project = @{ ProjectName = $P.Name } }
    }
    AfterEach { Pop-Location }

    It "Invoke-ComposeExec web -- sh -c 'exit 5': sets `$LASTEXITCODE to 5 as docker compose exec -T exits 5" {
        docker compose --project-directory $P.Dir exec -T web sh -c 'exit 5'
        $reference = $LASTEXITCODE
        Invoke-ComposeExec web @Project -ErrorVariable failed -ErrorAction SilentlyContinue -- sh -c 'exit 5'
        $LASTEXITCODE | Should -Be $reference
        $LASTEXITCODE | Should -Be 5
        $failed.FullyQualifiedErrorId | Should -BeLike 'ContainerExitedNonZero,*'
    }

    It "'text' | Invoke-ComposeExec web -- cat: the piped text is the command's stdin" {
        $reference = 'text' | docker compose --project-directory $P.Dir exec -T web cat
        $ours = 'text' | Invoke-ComposeExec web @Project -- cat
        $ours | Should -Be $reference
        $ours | Should -Be 'text'
    }

    It 'keeps stderr out of the output: it is in the Information stream, tagged StdErr' {
        $out = Invoke-ComposeExec web @Project -InformationVariable info -- sh -c 'echo out; echo err >&2'
        $out | Should -Be 'out'
        ($info | Where-Object Tags -Contains 'StdErr').MessageData | Should -Be 'err'
    }

    It 'stops a script under -ErrorAction Stop on a non-zero exit' {
        { Invoke-ComposeExec web @Project -ErrorAction Stop -- false } | Should -Throw -ErrorId 'ContainerExitedNonZero,*'
    }
}
