@{
    RootModule           = 'PSCompose.psm1'
    NestedModules        = @('PSCompose.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0b6c1e-3a4d-4a8e-9a55-2f7f0c1d9e42'
    Author               = 'PSCompose contributors'
    CompanyName          = 'PSCompose'
    Copyright            = '(c) PSCompose contributors. All rights reserved.'
    Description          = 'Docker Compose as a PowerShell module: compose projects brought up, inspected and torn down with typed objects.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('PSCompose.Format.ps1xml')
    TypesToProcess       = @('PSCompose.Types.ps1xml')
    CmdletsToExport      = @(
        'Get-ComposeVersion'
        'Get-ComposeProject'
        'Get-ComposeConfig'
        'Invoke-ComposeUp'
        'New-ComposeImage'
        'Request-ComposeImage'
        'Publish-ComposeImage'
        'Invoke-ComposeDown'
        'Get-ComposeService'
        'Get-ComposeContainer'
        'Get-ComposeProcess'
        'Get-ComposePort'
        'Get-ComposeImage'
        'Get-ComposeStat'
        'Get-ComposeVolume'
        'Start-ComposeService'
        'Stop-ComposeService'
        'Restart-ComposeService'
        'Suspend-ComposeService'
        'Resume-ComposeService'
        'Remove-ComposeService'
        'Get-ComposeEvent'
        'Wait-ComposeService'
        'Copy-ComposeItem'
        'Invoke-ComposeExec'
        'Invoke-ComposeRun'
        'Receive-ComposeLog'
        'Publish-ComposeStack'
        'Get-ComposeStack'
        'Remove-ComposeStack'
        'Watch-ComposeProject'
    )
    FunctionsToExport    = @('Invoke-Compose')
    VariablesToExport    = @()
    AliasesToExport      = @(
        'Build-ComposeImage'
        'Pull-ComposeImage'
        'Push-ComposeImage'
    )
    PrivateData          = @{
        PSData = @{
            Tags       = @('Docker', 'Compose', 'Containers', 'PSEdition_Core', 'PSEdition_Desktop')
            ProjectUri = 'https://example.invalid/pscompose'
        }
    }
}
