# The module's views as a pwsh user sees them (Out-String at 80 columns), for a project brought up by the reference
# `docker compose`, compared with what docker compose ps / images / config print for it.
BeforeDiscovery {
    $script:EngineUp = $null -ne (Get-Command docker -ErrorAction SilentlyContinue) -and
        ($null -ne (docker info --format '{{.ServerVersion}}' 2>$null))
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    $script:EngineUp = $null -ne (docker info --format '{{.ServerVersion}}' 2>$null)
    $script:Project = 'pwshux-format-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) $script:Project
    New-Item -ItemType Directory -Path $script:Dir | Out-Null
    Set-Content -Path (Join-Path $script:Dir 'compose.yaml') -Value @"
name: $($script:Project)
services:
  front:
    image: pscompose/busybox:latest
    command: sleep 600
    ports: ["127.0.0.1:0:80"]
    depends_on: [back]
    pull_policy: never
  back:
    image: pscompose/busybox:latest
    command: sleep 600
    pull_policy: never
"@
    if ($script:EngineUp) { docker compose --project-directory $script:Dir up -d 2>$null }

    # The lines of a rendering at 80 columns (no trailing blanks), with every line asserted to fit.
    function Render80 {
        $lines = ($input | Out-String -Width 80) -split "`r?`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
        $lines
    }
    function Row([string[]] $lines, [string] $first) { $lines | Where-Object { $_ -match "^$([regex]::Escape($first))\s" } }
    function Words([string] $line) { $line -split '\s+' | Where-Object { $_ } }
}

AfterAll {
    if ($script:EngineUp) { docker compose --project-directory $script:Dir down -t 0 2>$null | Out-Null }
    Remove-Item -Recurse -Force $script:Dir -ErrorAction SilentlyContinue
}

Describe 'Format views' -Tag Docker {
    It 'has a view for every type a cmdlet outputs, and the types they contain' {
        $types = Get-Command -Module PSCompose -CommandType Cmdlet | ForEach-Object OutputType | ForEach-Object Type |
            Where-Object { $_ -and $_.Namespace -eq 'PSCompose' } | Sort-Object FullName -Unique
        $nested = $types | ForEach-Object { $_.GetProperties().PropertyType } |
            ForEach-Object { if ($_.IsArray) { $_.GetElementType() } else { $_ } } |
            Where-Object { $_.Namespace -eq 'PSCompose' -and -not $_.IsEnum } # an enum shows as its name
        $all = @($types) + @($nested) | Sort-Object FullName -Unique
        $all.FullName | Should -Contain 'PSCompose.ComposeServiceConfig'
        $all | Where-Object { -not (Get-FormatData -TypeName $_.FullName) } | ForEach-Object FullName | Should -BeNullOrEmpty
    }

    It 'shows containers as docker compose ps does, PORTS included, in 80 columns' -Skip:(-not $script:EngineUp) {
        # "Up Less than a second" is wide enough to push Ports past 80 columns; a user reads the table later than that.
        $deadline = (Get-Date).AddSeconds(10)
        while ((docker compose --project-directory $script:Dir ps --format '{{.Status}}' front) -match 'Less than' -and (Get-Date) -lt $deadline) {
            Start-Sleep -Milliseconds 250
        }
        $lines = Get-ComposeContainer -Path $script:Dir | Render80
        Words $lines[0] | Should -Be @('Name', 'Service', 'Status', 'Ports')
        $name, $service, $ports = (docker compose --project-directory $script:Dir ps --format '{{.Name}}|{{.Service}}|{{.Ports}}' front) -split '\|'
        $row = Row $lines $name
        $row | Should -Match "^$([regex]::Escape($name))\s+$service\s+Up .*\s$([regex]::Escape($ports))$"
    }

    It 'has docker compose ps''s full table as -View ps' -Skip:(-not $script:EngineUp) {
        $lines = (Get-ComposeContainer -Path $script:Dir | Format-Table -View ps | Out-String -Width 200) -split "`r?`n" | Where-Object { $_ }
        Words $lines[0] | Should -Be @('Name', 'Image', 'Command', 'Service', 'Created', 'Status', 'Ports')
        $name, $image, $command = (docker compose --project-directory $script:Dir ps --format '{{.Name}}|{{.Image}}|{{.Command}}' front) -split '\|'
        Row $lines $name | Should -Match "^$([regex]::Escape($name))\s+$([regex]::Escape($image))\s+$([regex]::Escape($command))\s+front\s"
    }

    It 'shows image results with the short image id docker compose images shows' -Skip:(-not $script:EngineUp) {
        $lines = Request-ComposeImage -Path $script:Dir 6>$null | Render80
        Words $lines[0] | Should -Be @('Service', 'Image', 'Action', 'Image', 'Id', 'Reason')
        $images = docker compose --project-directory $script:Dir images --format json | ConvertFrom-Json
        $id = ($images | Where-Object ContainerName -Like '*-back-1').ID -replace '^sha256:', ''
        Row $lines 'back' | Should -Match "^back\s+pscompose/busybox:latest\s+Skipped\s+$($id.Substring(0, 12))\s+pull_policy never$"
    }

    It 'shows service configs as a table' {
        $lines = (Get-ComposeConfig -Path $script:Dir).Services | Render80
        Words $lines[0] | Should -Be @('Name', 'Image', 'DependsOn', 'Ports')
        Row $lines 'front' | Should -Match '^front\s+pscompose/busybox:latest\s+back\s+127\.0\.0\.1:0:80/tcp$'
        (docker compose --project-directory $script:Dir config --services) | Should -Be @('back', 'front')
    }

    It 'shows config hashes as docker compose config --hash prints them' {
        $lines = Get-ComposeConfig -Path $script:Dir -Hash | Render80
        Words $lines[0] | Should -Be @('Service', 'Hash')
        $reference = docker compose --project-directory $script:Dir config --hash front
        Words (Row $lines 'front') | Should -Be (Words $reference)
    }
}
