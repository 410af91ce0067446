# The Django quick start through PSCompose: build and start the site, migrate with a one-off container, look inside
# the running one, and take it down. In your own pwsh: Import-Module ./out/PSCompose/PSCompose.psd1, then run this.
param(
    # Leave the project running at the end instead of taking it down.
    [switch] $KeepRunning,
    # The host port compose.yaml publishes (8000 as the quick start has it).
    [int] $Port = 8000
)
$ErrorActionPreference = 'Stop'

# `version` is obsolete: PSCompose warns as Compose does. container_name makes the container music_service.
Invoke-ComposeUp -Path $PSScriptRoot -Build | Out-Host

# runserver answers once makemigrations and migrate have run in the container's command.
$client = [System.Net.Http.HttpClient]::new()
$page = $null
foreach ($attempt in 1..120) {
    try {
        $page = $client.GetStringAsync("http://127.0.0.1:$Port/admin/").GetAwaiter().GetResult()
        break
    }
    catch {
        [System.Threading.Thread]::Sleep(500)
    }
}
if ($null -eq $page) { throw "The Django admin did not answer on http://127.0.0.1:$Port/admin/ within 60 seconds." }
if ($page -match '<title>([^<]*)</title>') { "Admin page: $($Matches[1])" }

# A one-off container, as `docker compose run web python manage.py migrate` (Compose ignores container_name here).
Invoke-ComposeRun -Path $PSScriptRoot web -Remove -- python manage.py migrate

# Inside the running container, as `docker compose exec web …`; PSCompose also takes its container_name, as the
# quick start's `docker exec music_service …` did.
Invoke-ComposeExec -Path $PSScriptRoot music_service -- python manage.py showmigrations admin

if (-not $KeepRunning) {
    Invoke-ComposeDown -Path $PSScriptRoot -Confirm:$false | Out-Null
}
