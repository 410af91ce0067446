# User scenarios for the read-only runtime cmdlets (top, port, images, stats) on a project the reference
# `docker compose up -d` started: the forms a user types, in the project folder and with -ProjectName from another
# folder, compared with what docker compose prints for the same project.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $script:P = New-ScenarioProject -Theme inspect -Yaml @"
services:
  web:
$sleeper
    ports: ["80"]
  worker:
$sleeper
"@
    Invoke-ReferenceCompose $P.Dir up -d | Out-Null
    $script:Elsewhere = Join-Path ([System.IO.Path]::GetTempPath()) ('psc-pester-inspect-other-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $Elsewhere | Out-Null
    Push-Location $P.Dir

    # The lines of a rendering, without blank ones and trailing blanks.
    function Lines { ($input | Out-String -Width 200) -split "`r?`n" | ForEach-Object TrimEnd | Where-Object { $_ } }
    function Words([string] $line) { $line -split '\s+' | Where-Object { $_ } }
}

AfterAll {
    Pop-Location
    Remove-Item -Recurse -Force $script:Elsewhere -ErrorAction SilentlyContinue
    $script:P | Remove-ScenarioProject
}

Describe 'Get-ComposePort web 80' {
    It 'prints what docker compose port web 80 prints' {
        $reference = Invoke-ReferenceCompose $P.Dir port web 80
        "$(Get-ComposePort web 80)" | Should -Be $reference
        (Get-ComposePort web 80).HostPort | Should -Be ($reference -split ':')[-1]
    }

    It 'works from another folder with -ProjectName alone' {
        Push-Location $Elsewhere
        try { "$(Get-ComposePort web 80 -ProjectName $P.Name)" | Should -Be (Invoke-ReferenceCompose $P.Dir port web 80) }
        finally { Pop-Location }
    }

    It 'lists every binding of the piped services' {
        $bindings = Get-ComposeService | Get-ComposePort
        $bindings.Service | Sort-Object -Unique | Should -Be 'web'
        "$($bindings | Where-Object HostIp -eq '0.0.0.0')" | Should -Be (Invoke-ReferenceCompose $P.Dir port web 80)
    }

    It 'says that a port is not published, as an error record naming the service' {
        Get-ComposePort web 81 -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -Be 'PortNotPublished,PSCompose.Cmdlets.GetComposePortCommand'
        $failure[0].TargetObject | Should -Be 'web'
        $failure[0].Exception.Message | Should -BeLike "no port 81/tcp for container $($P.Name)-web-1: *"
    }
}

Describe 'Get-ComposeImage' {
    It 'gives the containers and image ids docker compose images gives, sorted by container' {
        $reference = Invoke-ReferenceCompose $P.Dir images --format json | ConvertFrom-Json | Sort-Object ContainerName
        $ours = Get-ComposeImage
        $ours.Container | Should -Be $reference.ContainerName
        $ours.Id | Should -Be $reference.ID
        $ours.Size | Should -Be $reference.Size
    }

    It 'shows the table docker compose images shows' {
        $lines = Get-ComposeImage | Lines
        Words $lines[0] | Should -Be @('Container', 'Repository', 'Tag', 'Image', 'Id', 'Size', 'Created')
        $reference = Invoke-ReferenceCompose $P.Dir images --format table | Where-Object { $_ -like "$($P.Name)-web-1 *" }
        $container, $repository, $tag, $platform, $id, $size, $created = Words $reference
        $lines | Where-Object { $_ -like "$($P.Name)-web-1 *" } | Should -Match "^$container\s+$repository\s+$tag\s+$id\s+$size\s"
    }

    It 'works from another folder with -ProjectName alone' {
        Push-Location $Elsewhere
        try { (Get-ComposeImage -ProjectName $P.Name).Container | Should -Be @("$($P.Name)-web-1", "$($P.Name)-worker-1") }
        finally { Pop-Location }
    }
}

Describe 'Get-ComposeProcess -Name web' {
    It 'gives the processes docker compose top web gives' {
        $reference = Invoke-ReferenceCompose $P.Dir top web | Select-Object -Skip 1 | ForEach-Object { [int](Words $_)[3] }
        $ours = Get-ComposeProcess -Name web
        $ours.PID | Sort-Object | Should -Be ($reference | Sort-Object)
        $ours.Container | Sort-Object -Unique | Should -Be "$($P.Name)-web-1"
        ($ours | Where-Object CMD -eq 'sleep 600').PPID | Should -BeIn $ours.PID
    }

    It 'works from another folder with -ProjectName alone' {
        Push-Location $Elsewhere
        try { (Get-ComposeProcess -Name web -ProjectName $P.Name).Service | Sort-Object -Unique | Should -Be 'web' }
        finally { Pop-Location }
    }
}

Describe 'Get-ComposeStat | Sort-Object CpuPercent' {
    It 'samples the containers docker compose stats samples, as numbers that sort and add up' {
        $reference = Invoke-ReferenceCompose $P.Dir stats --no-stream --format json | ConvertFrom-Json
        $ours = Get-ComposeStat | Sort-Object CpuPercent
        $ours.Container | Sort-Object | Should -Be ($reference.Name | Sort-Object)
        $ours[0].CpuPercent | Should -BeOfType [double]
        $ours[0].CpuPercent | Should -BeLessOrEqual $ours[-1].CpuPercent
        (Get-ComposeStat | Measure-Object MemoryUsage -Sum).Sum | Should -BeGreaterThan 0
        foreach ($sample in $ours) {
            "$($sample.Pids)" | Should -Be ($reference | Where-Object Name -eq $sample.Container).PIDs
        }
    }

    It 'shows a table that reads like docker stats' {
        $lines = Get-ComposeStat -Name web | Lines
        $lines[0] | Should -Match '^Container Id\s+Name\s+CPU %\s+Mem Usage / Limit\s+Mem %\s+Net I/O\s+Block I/O\s+Pids$'
        $lines[2] | Should -Match "^[0-9a-f]{12}\s+$($P.Name)-web-1\s+\d+\.\d\d%\s+[\d.]+\w?i?B / [\d.]+\w?i?B\s+\d+\.\d\d%\s"
    }

    It 'streams with -Follow until the pipeline has enough' {
        $samples = Get-ComposeStat -Name web -Follow | Select-Object -First 3
        $samples.Count | Should -Be 3
        ($samples.Read | Sort-Object -Unique).Count | Should -Be 3
    }

    It 'works from another folder with -ProjectName alone' {
        Push-Location $Elsewhere
        try { (Get-ComposeStat -ProjectName $P.Name).Container | Sort-Object | Should -Be @("$($P.Name)-web-1", "$($P.Name)-worker-1") }
        finally { Pop-Location }
    }
}
