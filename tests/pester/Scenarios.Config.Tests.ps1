# User scenarios: the Azure DevOps Docker Compose task's "Combine configuration", "Write service image digests" and
# "Lock services" actions done with Get-ComposeConfig, checked against the reference `docker compose` on the same files.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $script:Image = '127.0.0.1:5000/psc-pester-config-{0}/web:1.0' -f [guid]::NewGuid().ToString('N').Substring(0, 8)
    docker tag pscompose/busybox:latest $Image
    docker push -q $Image | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "docker push $Image failed" }

    $script:P = New-ScenarioProject -Theme config -Yaml @"
services:
  web:
    image: $Image
    ports: ["8080:80"]
    environment:
      GREETING: `${GREETING:-hello}
  cache:
    image: $Image
    command: ["sleep", "600"]
"@
    Set-Content -Path (Join-Path $P.Dir 'compose.prod.yaml') -Value @"
services:
  web:
    environment:
      LEVEL: warning
    deploy:
      replicas: 2
"@
    $script:Base = $P.File
    $script:Prod = Join-Path $P.Dir 'compose.prod.yaml'
}

AfterAll {
    $script:P | Remove-ScenarioProject
    docker rmi $Image 2>&1 | Out-Null
}

Describe 'Combine configuration: two files into one with -OutFile' {
    It 'writes the file docker compose config -o writes, relative to the current location' {
        Push-Location $P.Dir
        try {
            Get-ComposeConfig -File compose.yaml, compose.prod.yaml -OutFile combined.yaml
            Invoke-ReferenceCompose $P.Dir -f $Base -f $Prod config -o (Join-Path $P.Dir 'reference.yaml') | Out-Null
        }
        finally { Pop-Location }
        $ours = Join-Path $P.Dir 'combined.yaml'
        [IO.File]::ReadAllBytes($ours) | Should -Be ([IO.File]::ReadAllBytes((Join-Path $P.Dir 'reference.yaml')))
    }

    It 'is a compose file that loads to the same project as the two files' {
        $combined = Join-Path $P.Dir 'combined.yaml'
        $fromCombined = Invoke-ReferenceCompose $P.Dir -f $combined config --format json
        $fromTwo = Invoke-ReferenceCompose $P.Dir -f $Base -f $Prod config --format json
        ($fromCombined -join "`n") | Should -Be ($fromTwo -join "`n")
    }
}

Describe 'Write service image digests and lock services' {
    It 'pins every image to its registry digest, as docker compose config --resolve-image-digests does' {
        $reference = (Invoke-ReferenceCompose $P.Dir -f $Base config --resolve-image-digests) -join "`n"
        $ours = Get-ComposeConfig -File $Base -ResolveImageDigests -Format Yaml
        $ours.TrimEnd("`n") | Should -Be $reference
        $digest = docker image inspect $Image --format '{{index .RepoDigests 0}}'
        $ours | Should -Match ([regex]::Escape("image: $Image@" + $digest.Split('@')[1]))
    }

    It 'writes a lock override file that, applied over the base file, gives the pinned project' {
        Get-ComposeConfig -File $Base -LockImageDigests -OutFile (Join-Path $P.Dir 'compose.lock.yaml')
        $lock = Join-Path $P.Dir 'compose.lock.yaml'
        $referenceLock = (Invoke-ReferenceCompose $P.Dir -f $Base config --lock-image-digests) -join "`n"
        (Get-Content -Raw $lock).TrimEnd("`n") | Should -Be $referenceLock

        $locked = (Invoke-ReferenceCompose $P.Dir -f $Base -f $lock config) -join "`n"
        $resolved = (Invoke-ReferenceCompose $P.Dir -f $Base config --resolve-image-digests) -join "`n"
        $locked | Should -Be $resolved
        (Get-ComposeConfig -File $Base, $lock -Format Yaml).TrimEnd("`n") | Should -Be $locked
    }

    It 'names the service and image when the registry has no such image' {
        $missing = $Image -replace ':1\.0$', ':no-such-tag'
        $file = Join-Path $P.Dir 'missing.yaml'
        Set-Content -Path $file -Value "services:`n  api:`n    image: $missing`n"
        $lock = Join-Path $P.Dir 'missing.lock.yaml'
        $err = { Get-ComposeConfig -File $file -LockImageDigests -OutFile $lock } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ComposeImageDigestNotFound,*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be 'api'
        $err.Exception.Message | Should -BeLike "failed to resolve digest for ${missing}: *manifest unknown*"
        $lock | Should -Not -Exist
    }
}

Describe 'What the files use' {
    It 'lists the variables with their defaults, as config --variables does' {
        $reference = Invoke-ReferenceCompose $P.Dir -f $Base config --variables --format json | ConvertFrom-Json
        $ours = Get-ComposeConfig -File $Base -Variables
        $ours.Name | Should -Be @($reference.PSObject.Properties.Name)
        $ours[0].DefaultValue | Should -Be $reference.GREETING.DefaultValue
    }
}
