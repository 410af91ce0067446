# User scenarios: a compose file deployed to a single-node Docker Swarm as a stack with Publish-ComposeStack and
# removed with Remove-ComposeStack, as the issue writes them, checked with the docker stack CLI. The engine joins a
# swarm only when it is not in one, and leaves it again at the end only then (CI starts without one).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ScenarioHelpers.psm1') -Force
    $script:JoinedSwarm = $false
    # Joining makes the docker_gwbridge network and leaving keeps it: removed again when this file made it.
    $script:BridgeBefore = [bool](docker network ls -q --filter 'name=^docker_gwbridge$')
    if ((docker info --format '{{.Swarm.LocalNodeState}}') -eq 'inactive') {
        docker swarm init --advertise-addr 127.0.0.1 2>&1 | Out-Null
        $script:JoinedSwarm = $true
    }
    $script:Stack = 'stackpester' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) $Stack
    New-Item -ItemType Directory -Path $Dir | Out-Null
    Set-Content -Path (Join-Path $Dir '.env') -Value 'REPLICAS=2'
    Set-Content -Path (Join-Path $Dir 'stack.yaml') -Value @"
services:
  web:
$(Get-SleeperService)
    privileged: true
    healthcheck:
      test: ["CMD", "true"]
      interval: 1s
    deploy:
      replicas: `${REPLICAS}
"@
}

AfterAll {
    docker stack rm $Stack 2>&1 | Out-Null
    if ($JoinedSwarm) {
        try { Wait-Until { -not (docker ps -aq --filter "label=com.docker.stack.namespace=$Stack") } -TimeoutSeconds 30 } catch { }
        docker swarm leave --force 2>&1 | Out-Null
        if (-not $BridgeBefore -and (docker network ls -q --filter 'name=^docker_gwbridge$')) {
            docker network rm docker_gwbridge 2>&1 | Out-Null
        }
    }
    Remove-Item -Recurse -Force $Dir -ErrorAction SilentlyContinue
}

Describe 'Swarm stacks as the issue writes them' {
    It 'Publish-ComposeStack -File stack.yaml -Name shop -Wait deploys with .env read and returns once converged' {
        Push-Location $Dir
        try {
            $warnings = @()
            Publish-ComposeStack -File stack.yaml -Name $Stack -Wait -Timeout 120 -ResolveImage Never -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop | Out-Null
        }
        finally { Pop-Location }
        docker service ls --filter "name=$($Stack)_web" --format '{{.Replicas}}' | Should -Be '2/2'
        docker stack ls --format '{{.Name}}' | Should -Contain $Stack
        ($warnings | ForEach-Object Message) | Should -Be "$(Join-Path $Dir 'stack.yaml'):6: services.web.privileged is ignored by Swarm: not supported by Swarm services"
        (Get-ComposeStack -Name $Stack -Service).Running | Should -Be 2
    }

    It "deploys the counter example's own file, which docker stack deploy refuses" {
        $counter = Join-Path $Dir 'counter'
        Copy-Item -Recurse (Join-Path $PSScriptRoot '../../examples/counter') $counter
        $name = "$($Stack)counter"
        Push-Location $counter
        try {
            docker stack deploy -c compose.yaml $name 2>&1 | Out-String | Should -Match 'services.web.depends_on must be a list'
            New-ComposeImage -ProjectName $name -ErrorAction Stop | Out-Null
            $warnings = @()
            Publish-ComposeStack -Name $name -Wait -Timeout 120 -ResolveImage Never -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop | Out-Null
            ($warnings | ForEach-Object Message) | Should -Be @(
                "$(Join-Path $counter 'compose.yaml'):3: services.web.build is ignored by Swarm: Swarm does not build; build and push the image first",
                "$(Join-Path $counter 'compose.yaml'):5: services.web.ports[0] host IP 127.0.0.1 is ignored by Swarm: Swarm publishes the port on all addresses (0.0.0.0)",
                "$(Join-Path $counter 'compose.yaml'):6: services.web.depends_on is ignored by Swarm: Swarm starts services independently (no start order or conditions)")
            $services = Get-ComposeStack -Name $name -Service
            $services.Name | Sort-Object | Should -Be @("$($name)_redis", "$($name)_web")
            docker service ls --filter "label=com.docker.stack.namespace=$name" --format '{{.Replicas}}' | Should -Be @('1/1', '1/1')
            docker service inspect "$($name)_web" --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' | Should -Be "$name-web"
        }
        finally {
            Pop-Location
            Remove-ComposeStack -Name $name -Wait -ErrorAction SilentlyContinue
            docker rmi -f "$name-web" 2>&1 | Out-Null
        }
    }

    It 'Remove-ComposeStack -Name shop removes everything with the namespace label' {
        Remove-ComposeStack -Name $Stack -Wait -ErrorAction Stop
        docker service ls -q --filter "label=com.docker.stack.namespace=$Stack" | Should -BeNullOrEmpty
        docker network ls -q --filter "label=com.docker.stack.namespace=$Stack" | Should -BeNullOrEmpty
        docker stack ls --format '{{.Name}}' | Should -Not -Contain $Stack
    }
}
