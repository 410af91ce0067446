# User scenarios: reading a project's logs the way a user types it, in the project folder and with -ProjectName from
# another folder, compared with what the reference `docker compose logs` prints for the same containers.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $script:P = New-ScenarioProject -Theme logs -Yaml @'
services:
  web:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "trap 'exit 0' TERM; seq 1 12 | sed 's/^/web line /'; echo web-error >&2; sleep 600 & wait"]
  worker:
    image: pscompose/busybox:latest
    command: ["sh", "-c", "echo working; echo done"]
'@
    $script:Elsewhere = Join-Path ([System.IO.Path]::GetTempPath()) ('psc-pester-elsewhere-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory $Elsewhere | Out-Null
    Invoke-ReferenceCompose $P.Dir up -d | Out-Null
    Wait-Until { (docker logs "$($P.Name)-web-1" 2>&1 | ForEach-Object { "$_" }) -contains 'web-error' } -Because 'web to write its lines'
    Wait-Until { (Get-EngineContainer $P.Name worker).State.Status -eq 'exited' } -Because 'worker to exit'
    function script:InEach([scriptblock] $block) {
        # The same command in the project folder, and with -ProjectName from a folder without its compose file.
        Push-Location $P.Dir
        try { $here = @(& $block @{}) } finally { Pop-Location }
        Push-Location $Elsewhere
        try { $there = @(& $block @{ ProjectName = $P.Name }) } finally { Pop-Location }
        [pscustomobject]@{ Here = $here; There = $there }
    }
}

AfterAll {
    $script:P | Remove-ScenarioProject
    Remove-Item -Recurse -Force $script:Elsewhere -ErrorAction SilentlyContinue
}

Describe 'Receive-ComposeLog next to docker compose logs' {
    It 'Receive-ComposeLog gives every line of every service, stderr marked, as docker compose logs --no-log-prefix' {
        $r = InEach { param($p) Receive-ComposeLog @p }; $here = $r.Here; $there = $r.There
        foreach ($service in 'web', 'worker') {
            $reference = Invoke-ReferenceCompose $P.Dir logs --no-log-prefix $service
            foreach ($result in $here, $there) {
                ($result | Where-Object Service -eq $service).Line | Sort-Object | Should -Be ($reference | Sort-Object)
            }
        }
        ($here | Where-Object Line -eq 'web-error').Stream | Should -Be 'Stderr'
        ($there | Where-Object Line -eq 'web line 1').Stream | Should -Be 'Stdout'
        $here[0] | Should -BeOfType PSCompose.ComposeLogRecord
    }

    It 'Receive-ComposeLog -Name web -Tail 5 gives the last five lines of web' {
        $r = InEach { param($p) Receive-ComposeLog -Name web -Tail 5 @p }; $here = $r.Here; $there = $r.There
        $reference = Invoke-ReferenceCompose $P.Dir logs --no-log-prefix --tail 5 web
        foreach ($result in $here, $there) {
            $result.Count | Should -Be 5
            $result.Line | Sort-Object | Should -Be ($reference | Sort-Object)
            $result.Service | Select-Object -Unique | Should -Be 'web'
        }
    }

    It 'Receive-ComposeLog -Raw | Measure-Object counts the lines docker compose logs prints' {
        $r = InEach { param($p) Receive-ComposeLog -Raw @p | Measure-Object }; $here = $r.Here[0]; $there = $r.There[0]
        $reference = @(Invoke-ReferenceCompose $P.Dir logs --no-color)
        $here.Count | Should -Be $reference.Count
        $there.Count | Should -Be $reference.Count
        Push-Location $P.Dir
        try { $lines = Receive-ComposeLog -Raw } finally { Pop-Location }
        # The prefix is padded to the longest name seen so far, which depends on the order across containers.
        $unpadded = { $_ -replace '^(\S+) +\| ', '$1 | ' }
        $lines | ForEach-Object $unpadded | Sort-Object | Should -Be ($reference | ForEach-Object $unpadded | Sort-Object)
    }

    It 'Get-ComposeService web | Receive-ComposeLog -Tail 1 gives web''s last line' {
        $r = InEach { param($p) Get-ComposeService web @p | Receive-ComposeLog -Tail 1 }; $here = $r.Here; $there = $r.There
        foreach ($result in $here, $there) {
            $result.Count | Should -Be 1
            $result.Line | Should -Be (Invoke-ReferenceCompose $P.Dir logs --no-log-prefix --tail 1 web)
        }
    }

    It 'Receive-ComposeLog -Follow ends when the running containers stop, though one had stopped before it began' {
        $name = $P.Name
        $job = Start-ThreadJob { Start-Sleep 4; docker compose -p $using:name stop 2>&1 | Out-Null }
        try {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $lines = Receive-ComposeLog -ProjectName $P.Name -Follow -Raw
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 40
            $lines | Should -Contain 'worker-1  | done'
        }
        finally { $job | Wait-Job | Remove-Job }
    }
}
