# User scenarios: reading a project that the reference `docker compose up -d` created, the way a script reads it,
# and comparing with what `docker compose ps/config/ls` and the docker CLI say.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $sleeper = Get-SleeperService
    $script:P = New-ScenarioProject -Theme query -Yaml @"
services:
  db:
$sleeper
  web:
$sleeper
    depends_on: [db]
    ports: ["127.0.0.1::80"]
    environment:
      GREETING: `${GREETING:-hello}
  job:
    image: pscompose/busybox:latest
    command: ["true"]
"@
    Invoke-ReferenceCompose $P.Dir up -d | Out-Null
    Wait-Until { (Get-EngineContainer $P.Name job).State.Status -eq 'exited' } -Because 'job to exit'
}

AfterAll {
    $script:P | Remove-ScenarioProject
}

Describe 'Get-ComposeContainer next to docker compose ps' {
    It 'lists the running containers docker compose ps lists, with the same state and ports' {
        $reference = Invoke-ReferenceCompose $P.Dir ps --format json | ForEach-Object { $_ | ConvertFrom-Json }
        $ours = Get-ComposeContainer -Path $P.Dir
        $ours.Name | Sort-Object | Should -Be ($reference.Name | Sort-Object)
        foreach ($c in $ours) {
            $r = $reference | Where-Object Name -eq $c.Name
            $c.Service | Should -Be $r.Service
            $c.State | Should -Be $r.State
            ($c.Ports -join ', ') | Should -Be $r.Ports
        }
    }

    It 'adds the exited one-shot container with -All, with its exit code, like ps -a' {
        $reference = Invoke-ReferenceCompose $P.Dir ps -a --format json | ForEach-Object { $_ | ConvertFrom-Json }
        $job = Get-ComposeContainer -Path $P.Dir -All | Where-Object Service -eq job
        $job.Name | Should -Be ($reference | Where-Object Service -eq job).Name
        $job.State | Should -Be 'exited'
        $job.ExitCode | Should -Be 0
    }

    It 'keeps only the exited ones with -Status exited, like ps --status exited' {
        $reference = Invoke-ReferenceCompose $P.Dir ps --status exited --format json | ForEach-Object { $_ | ConvertFrom-Json }
        (Get-ComposeContainer -Path $P.Dir -Status exited).Name | Should -Be $reference.Name
    }

    It 'gives the published port docker compose port gives' {
        $published = Invoke-ReferenceCompose $P.Dir port web 80
        $port = (Get-ComposeContainer web -Path $P.Dir).Ports | Where-Object { $_ -like '*->80/tcp' }
        $port | Should -Be "$published->80/tcp"
    }

    It 'selects services by wildcard and reports a missing name through -ErrorVariable without stopping' {
        $found = Get-ComposeContainer -Path $P.Dir -Name 'w*', 'nosuch' -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.Service | Should -Be 'web'
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ComposeServiceNotFound,*'
        $missing[0].TargetObject | Should -Be 'nosuch'
    }

    It 'converts to JSON a script can read back: ports as an array, Created as a date' {
        $json = Get-ComposeContainer web -Path $P.Dir | ConvertTo-Json -Depth 3
        $back = $json | ConvertFrom-Json
        $back.Name | Should -Be "$($P.Name)-web-1"
        @($back.Ports).Count | Should -Be 1
        $engine = Get-EngineContainer $P.Name web
        $back.Id | Should -Be $engine.Id
        ([datetime]$back.Created).ToUniversalTime() | Should -BeGreaterThan ([datetime]'2020-01-01')
    }

    It 'shows a table with the columns of docker compose ps and a row per container' {
        $table = Get-ComposeContainer -Path $P.Dir | Format-Table -View ps | Out-String -Width 250
        $header = ($table -split "`n" | Where-Object { $_ -match '\bName\b' } | Select-Object -First 1) -split '\s+' | Where-Object { $_ }
        foreach ($column in 'Name', 'Image', 'Service', 'Status', 'Ports') { $header | Should -Contain $column }
        $table | Should -Match ([regex]::Escape("$($P.Name)-db-1"))
        $table | Should -Match '->80/tcp'
    }
}

Describe 'Get-ComposeService in a script' {
    It 'counts the running replicas the engine holds, service by service' {
        $services = Get-ComposeService -Path $P.Dir
        $services.Name | Should -Be 'db', 'web', 'job'
        foreach ($s in $services) {
            $running = @(Get-EngineContainer $P.Name $s.Name | Where-Object { $_.State.Running }).Count
            $s.Running | Should -Be $running -Because "the engine runs $running container(s) of $($s.Name)"
            $s.Containers.Name | Should -Be (Get-EngineContainer $P.Name $s.Name).Name.TrimStart('/')
        }
    }

    It 'works with bare cmdlets after Set-Location into the project, and from a subdirectory' {
        $sub = New-Item -ItemType Directory -Path (Join-Path $P.Dir 'src/deep') -Force
        Push-Location $P.Dir
        try {
            (Get-ComposeService).ProjectName | Select-Object -Unique | Should -Be $P.Name
            Set-Location $sub
            (Get-ComposeContainer).Service | Sort-Object | Should -Be 'db', 'web'
        }
        finally { Pop-Location }
    }

    It 'takes -Path from $PSDefaultParameterValues for every Compose cmdlet' {
        $saved = $PSDefaultParameterValues.Clone()
        $PSDefaultParameterValues['*-Compose*:Path'] = $P.Dir
        Push-Location ([System.IO.Path]::GetTempPath())
        try {
            (Get-ComposeService web).Running | Should -Be 1
            Get-ComposeConfig -Services | Should -Be 'db', 'web', 'job'
        }
        finally {
            Pop-Location
            $global:PSDefaultParameterValues = $saved
        }
    }

    It 'finds the same services from -ProjectName alone, with no compose file at hand' {
        Push-Location ([System.IO.Path]::GetTempPath())
        try {
            (Get-ComposeService -ProjectName $P.Name).Name | Sort-Object | Should -Be 'db', 'job', 'web'
        }
        finally { Pop-Location }
    }

    It 'round-trips through ConvertTo-Json with its containers nested' {
        $back = Get-ComposeService web -Path $P.Dir | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        $back.ProjectName | Should -Be $P.Name
        $back.Containers[0].Name | Should -Be "$($P.Name)-web-1"
        $back.Containers[0].State | Should -Be 'running'
    }

    It 'fails with ComposeFileNotFound in a directory without a compose file, catchable with -ErrorAction Stop' {
        $empty = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) "psc-pester-empty-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
        try {
            $caught = $null
            try { Get-ComposeService -Path $empty.FullName -ErrorAction Stop }
            catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -Be 'ComposeFileNotFound,PSCompose.Cmdlets.GetComposeServiceCommand'
            $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
        finally { Remove-Item -Recurse -Force $empty }
    }
}

Describe 'Get-ComposeConfig next to docker compose config' {
    It 'prints the same normalised JSON as docker compose config --format json' {
        $reference = (Invoke-ReferenceCompose $P.Dir config --format json) -join "`n" | ConvertFrom-Json | ConvertTo-Json -Depth 50 -Compress
        $ours = Get-ComposeConfig -Path $P.Dir -Format Json | ConvertFrom-Json | ConvertTo-Json -Depth 50 -Compress
        $ours | Should -Be $reference
    }

    It 'lists services, images and config hashes like --services, --images and --hash' {
        # Compose walks its dependency graph from a Go map here, so its order varies from run to run.
        Get-ComposeConfig -Path $P.Dir -Services | Sort-Object | Should -Be (Invoke-ReferenceCompose $P.Dir config --services | Sort-Object)
        Get-ComposeConfig -Path $P.Dir -Images | Sort-Object | Should -Be (Invoke-ReferenceCompose $P.Dir config --images | Sort-Object)
        $hashes = Get-ComposeConfig -Path $P.Dir -Hash | ForEach-Object { "$($_.Service) $($_.Hash)" }
        # Called directly: pwsh would expand a splatted * as a file glob.
        $hashes | Sort-Object | Should -Be (docker compose --project-directory $P.Dir config --hash '*' | Sort-Object)
    }

    It 'gives the config hash the running containers carry in their label' {
        $hash = (Get-ComposeConfig -Path $P.Dir -Hash | Where-Object Service -eq web).Hash
        (Get-EngineContainer $P.Name web).Config.Labels.'com.docker.compose.config-hash' | Should -Be $hash
    }

    It 'interpolates from the environment of the PowerShell session' {
        $env:GREETING = 'from-pwsh'
        try {
            $web = (Get-ComposeConfig -Path $P.Dir).Services | Where-Object Name -eq web
            $web.Environment.GREETING | Should -Be 'from-pwsh'
            (Get-ComposeConfig -Path $P.Dir -Format Json | ConvertFrom-Json).services.web.environment.GREETING | Should -Be 'from-pwsh'
        }
        finally { Remove-Item Env:GREETING }
    }

    It 'stops on <Case> with <ErrorId>, the file as target, catchable with -ErrorAction Stop' -ForEach @(
        @{ Case = 'a required variable that is unset'; ErrorId = 'ComposeVariableRequired'; Message = 'PSC_PESTER_UNSET'
           Yaml = "services:`n  web:`n    image: `${PSC_PESTER_UNSET:?must be set}`n" }
        @{ Case = 'a YAML syntax error'; ErrorId = 'ComposeYamlSyntax'; Message = "did not find expected ','"
           Yaml = "services:`n  web:`n    image: [unclosed`n" }
    ) {
        $bad = New-ScenarioProject -Theme bad -Yaml $Yaml
        try {
            $caught = $null
            try { Get-ComposeConfig -Path $bad.Dir -ErrorAction Stop } catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -Be "$ErrorId,PSCompose.Cmdlets.GetComposeConfigCommand"
            $caught.TargetObject | Should -Be $bad.File
            $caught.Exception.Message | Should -Match $Message
        }
        finally { Remove-Item -Recurse -Force $bad.Dir }
    }
}

Describe 'Get-ComposeProject next to docker compose ls' {
    It 'reports the status and config files docker compose ls reports' {
        $reference = docker compose ls -a --format json --filter "name=$($P.Name)" | ConvertFrom-Json
        $ours = Get-ComposeProject -All -Name $P.Name
        $ours.Name | Should -Be $reference.Name
        $ours.Status | Should -Be $reference.Status
        ($ours.ConfigFiles -join ',') | Should -Be $reference.ConfigFiles
    }

    It 'matches names by wildcard and feeds Where-Object like any object' {
        $mine = Get-ComposeProject -All -Name 'psc-pester-query-*' | Where-Object Name -eq $P.Name
        $mine | Should -HaveCount 1
        $mine | Should -BeOfType ([PSCompose.ComposeProject])
        $mine.WorkingDirectory | Should -Be $P.Dir
    }
}

Describe 'Get-ComposeVersion' {
    It 'names the Compose version docker compose version names and the engine docker version sees' {
        $v = Get-ComposeVersion
        # The Debian package adds a packaging suffix: 2.40.3-3.
        (docker compose version --short) -replace '^v' -replace '-.*$' | Should -Be $v.ComposeVersion
        $v.EngineVersion | Should -Be (docker version --format '{{.Server.Version}}')
        $v.ApiVersion | Should -Be (docker version --format '{{.Server.APIVersion}}')
        ($v | ConvertTo-Json | ConvertFrom-Json).Endpoint | Should -Be $v.Endpoint
    }
}
