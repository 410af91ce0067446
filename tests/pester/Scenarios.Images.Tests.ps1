# User scenarios: building, pulling and pushing images with the local registry at 127.0.0.1:5000, and the counter
# example (flask + redis) brought up with a second compose file, as a user runs it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $script:I = New-ScenarioProject -Theme img -Yaml 'placeholder'
    $script:Repo = "127.0.0.1:5000/$($I.Name)"
    Set-Content -Path $I.File -Value @"
services:
  app:
    build: .
    image: $Repo/app:1
  plain:
    image: $Repo/base:1
"@
    Set-Content -Path (Join-Path $I.Dir 'Dockerfile') -Value "FROM pscompose/busybox:latest`nLABEL psc.pester=$($I.Name)`nRUN echo built > /built"

    # The registry holds base:1; this engine does not.
    docker tag pscompose/busybox:latest "$Repo/base:1"
    docker push "$Repo/base:1" 2>&1 | Out-Null
    docker rmi "$Repo/base:1" 2>&1 | Out-Null

    function script:LocalImageId([string] $reference) {
        $id = docker image inspect --format '{{.Id}}' $reference 2>$null
        if ($LASTEXITCODE -eq 0) { $id }
    }

    function script:RegistryTags([string] $repository) {
        try { (Invoke-RestMethod "http://127.0.0.1:5000/v2/$repository/tags/list").tags }
        catch { @() }
    }
}

AfterAll {
    $I | Remove-ScenarioProject
    docker rmi "$Repo/app:1" "$Repo/base:1" "$Repo/base:2" 2>&1 | Out-Null
    # A pull from the registry also leaves a digest reference (repo@sha256:…) on the image; it goes too.
    $digests = docker images --digests --format '{{.Repository}}@{{.Digest}}' | Where-Object { $_ -like "$Repo/*@sha256:*" }
    if ($digests) { docker rmi $digests 2>&1 | Out-Null }
}

Describe 'New-ComposeImage (Build-ComposeImage)' {
    It 'builds the service image and returns it with the id docker image inspect gives' {
        $image = New-ComposeImage -Path $I.Dir
        $image | Should -HaveCount 1
        $image.Service | Should -Be 'app'
        $image.Action | Should -Be 'Built'
        $image.Id | Should -Be (LocalImageId "$Repo/app:1")
        docker image inspect --format '{{index .Config.Labels "psc.pester"}}' "$Repo/app:1" | Should -Be $I.Name
    }

    It 'sends the build output to the information stream, tagged, through the Build-ComposeImage alias' {
        Build-ComposeImage app -Path $I.Dir -NoCache -InformationVariable output 6>$null | Out-Null
        ($output.MessageData -join "`n") | Should -Match 'Step 1/\d+ : FROM pscompose/busybox:latest'
        $output[0].Tags | Should -Contain 'PSCompose'
    }
}

Describe 'Request-ComposeImage (Pull-ComposeImage)' {
    It 'says with -WhatIf which image it would pull, and pulls nothing' {
        $text = Get-HostText { Request-ComposeImage plain -Path $I.Dir -WhatIf }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Pull image for service plain`" on target `"$Repo/base:1`""))
        LocalImageId "$Repo/base:1" | Should -BeNullOrEmpty
    }

    It 'pulls the missing image from the registry through the Pull-ComposeImage alias' {
        $pulled = Pull-ComposeImage plain -Path $I.Dir
        $pulled.Action | Should -Be 'Pulled'
        $pulled.Id | Should -Be (LocalImageId "$Repo/base:1")
        $pulled.Id | Should -Be (LocalImageId 'pscompose/busybox:latest')
    }

    It 'pulls the newer image pushed under the same tag, so that pull then up updates a service' {
        $newer = "FROM pscompose/busybox:latest`nLABEL psc.pester.version=2" | docker build -q -t "$Repo/base:1" -
        docker push "$Repo/base:1" 2>&1 | Out-Null
        docker tag $newer "$Repo/base:2"   # a tag of our own, so that AfterAll removes the image whatever happens
        docker tag pscompose/busybox:latest "$Repo/base:1"   # the engine keeps the old content under the tag
        Request-ComposeImage plain -Path $I.Dir | Out-Null
        LocalImageId "$Repo/base:1" | Should -Be $newer -Because 'docker compose pull pulls an image that is present (pull_policy unset)'
    }

    It 'stops with ComposeServiceNotFound for a service the file does not have' {
        $caught = $null
        try { Request-ComposeImage nosuch -Path $I.Dir -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'ComposeServiceNotFound,PSCompose.Cmdlets.RequestComposeImageCommand'
        $caught.TargetObject | Should -Be 'nosuch'
    }
}

Describe 'Publish-ComposeImage (Push-ComposeImage)' {
    It 'pushes nothing with -WhatIf' {
        $text = Get-HostText { Publish-ComposeImage -Path $I.Dir -WhatIf }
        $text | Should -Match ([regex]::Escape("What if: Performing the operation `"Push image for service app`" on target `"$Repo/app:1`""))
        RegistryTags "$($I.Name)/app" | Should -BeNullOrEmpty
    }

    It 'pushes the built image through the Push-ComposeImage alias: the registry lists its tag' {
        $pushed = Push-ComposeImage -Path $I.Dir
        $pushed.Action | Should -Be 'Pushed'
        $pushed.Image | Should -Be "$Repo/app:1"
        RegistryTags "$($I.Name)/app" | Should -Be '1'
    }
}

Describe 'The counter example, with a second compose file' {
    BeforeAll {
        $script:C = New-ScenarioProject -Theme counter -Yaml 'placeholder'
        Copy-Item -Path (Join-Path $PSScriptRoot '../../examples/counter/*') -Destination $C.Dir -Force
        # Another port than the README demo's 8000, so both can run at once.
        Set-Content -Path (Join-Path $C.Dir 'compose.test.yaml') -Value "services:`n  web:`n    ports: !override [`"127.0.0.1::5000`"]"
        $script:Files = (Join-Path $C.Dir 'compose.yaml'), (Join-Path $C.Dir 'compose.test.yaml')
    }
    AfterAll {
        $C | Remove-ScenarioProject
        docker rmi "$($C.Name)-web" 2>&1 | Out-Null
    }

    It 'builds, waits for redis to be healthy and serves the page that counts visits' {
        $services = Invoke-ComposeUp -File $Files -Build -Wait -WaitTimeout 120
        ($services | Where-Object Name -eq redis).Health | Should -Match 'healthy'
        $port = ((Get-ComposeContainer web -File $Files).Ports | Where-Object { $_ -like '*->5000/tcp' }) -replace '->5000/tcp$'
        $port | Should -Be (docker compose -f $Files[0] -f $Files[1] port web 5000)
        $page = $null
        Wait-Until { try { $script:page = Invoke-RestMethod "http://$port/"; $true } catch { $false } } -Because 'flask to answer'
        $script:page | Should -Match 'Hello World! I have been seen 1 times\.'
    }

    It 'takes it down with -RemoveImages Local: the built web image goes, the shared base image stays' {
        Invoke-ComposeDown -File $Files -RemoveImages Local -Timeout 0 -Confirm:$false
        Get-EngineContainer $C.Name | Should -BeNullOrEmpty
        LocalImageId "$($C.Name)-web" | Should -BeNullOrEmpty
        LocalImageId 'pscompose/app-base:bookworm' | Should -Not -BeNullOrEmpty
    }
}
