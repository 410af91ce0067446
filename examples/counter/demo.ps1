# The counter demo: brings examples/counter up through PSCompose and prints the page.
# Run it with pwsh (Import-Module ./out/PSCompose/PSCompose.psd1 first) or, on a machine without pwsh, through
# tools/PSCompose.Host as the README shows.
$ErrorActionPreference = 'Stop'

Get-ComposeVersion
Get-ComposeConfig -Path $PSScriptRoot
