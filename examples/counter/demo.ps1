# The counter demo: brings examples/counter up through PSCompose, prints the page, and takes it down again.
# `./build.sh Demo` builds the module, imports it into pwsh and runs this script; or, in your own pwsh,
# Import-Module ./out/PSCompose/PSCompose.psd1 first.
param(
    # Leave the project running at the end instead of taking it down.
    [switch] $KeepRunning
)
$ErrorActionPreference = 'Stop'

Get-ComposeVersion | Out-Host

# Build the web image, start redis, wait for it to be healthy, start web.
Invoke-ComposeUp -Path $PSScriptRoot -Build -Wait -WaitTimeout 120 | Out-Host

# Flask needs a moment after its container starts before it listens.
$client = [System.Net.Http.HttpClient]::new()
$page = $null
foreach ($attempt in 1..60) {
    try {
        $page = $client.GetStringAsync('http://127.0.0.1:8000/').GetAwaiter().GetResult()
        break
    }
    catch {
        [System.Threading.Thread]::Sleep(500)
    }
}
if ($null -eq $page) { throw 'The counter page did not answer on http://127.0.0.1:8000/ within 30 seconds.' }
$page.TrimEnd()

Get-ComposeProject -Name counter | Out-Host

if (-not $KeepRunning) {
    Invoke-ComposeDown -Path $PSScriptRoot -Confirm:$false | Out-Null
}
