# Build output and pull progress as pwsh users redirect them: build lines are information records (6>, -InformationVariable),
# pulls write progress, not information. Needs the engine, pscompose/busybox:latest and the registry on 127.0.0.1:5000.
BeforeDiscovery {
    $script:EngineUp = $null -ne (Get-Command docker -ErrorAction SilentlyContinue) -and
        ($null -ne (docker info --format '{{.ServerVersion}}' 2>$null))
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    $script:Project = 'pwshux-progress-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) $script:Project
    $script:Image = "127.0.0.1:5000/$($script:Project)/app:1"
    New-Item -ItemType Directory -Path $script:Dir | Out-Null
    Set-Content -Path (Join-Path $script:Dir 'Dockerfile') -Value "FROM pscompose/busybox:latest`nRUN echo $($script:Project) > /id`n"
    Set-Content -Path (Join-Path $script:Dir 'compose.yaml') -Value @"
name: $($script:Project)
services:
  app:
    image: $($script:Image)
    build: .
"@
}

AfterAll {
    docker image rm -f $script:Image 2>$null | Out-Null
    Remove-Item -Recurse -Force $script:Dir -ErrorAction SilentlyContinue
}

Describe 'Build output and pull progress' -Tag Docker {
    It 'sends build output to the information stream, tagged with the service: 6>&1 merges it' -Skip:(-not $script:EngineUp) {
        $all = New-ComposeImage -Path $script:Dir 6>&1
        $records = $all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] }
        $records.MessageData -match '^Step 1/\d+ : FROM pscompose/busybox:latest$' | Should -HaveCount 1
        $records | ForEach-Object { $_.Tags | Should -Be @('PSCompose', 'Build', 'app') }
        ($all | Where-Object { $_ -is [PSCompose.ComposeImage] }).Action | Should -Be 'Built'
    }

    It 'keeps the pipeline to the image objects: 6>$null drops the build output, -InformationVariable collects it' -Skip:(-not $script:EngineUp) {
        $images = New-ComposeImage -Path $script:Dir -InformationVariable lines 6>$null
        @($images).Count | Should -Be 1
        $images | Should -BeOfType ([PSCompose.ComposeImage])
        $lines | Where-Object { 'Build' -in $_.Tags } | Should -Not -BeNullOrEmpty
    }

    It 'writes no information records for a pull, only the image object' -Skip:(-not $script:EngineUp) {
        docker push -q $script:Image | Out-Null
        docker image rm $script:Image | Out-Null
        $all = Request-ComposeImage -Path $script:Dir 6>&1
        $all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | Should -BeNullOrEmpty
        $all.Action | Should -Be 'Pulled'
        docker image inspect $script:Image --format '{{.Id}}' | Should -Be $all.Id
    }
}
