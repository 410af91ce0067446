# User scenario: Get-Help -Full in real pwsh for every exported command and alias — what a user reads before a
# first script. (tests/PSCompose.ModuleTests/Help checks that the MAML file matches the code; this checks that pwsh
# finds and shows it.)
BeforeDiscovery {
    $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../PSCompose.psd1')
    $script:Commands = $manifest.CmdletsToExport | ForEach-Object { @{ Command = $_ } }
    $script:Aliases = $manifest.AliasesToExport | ForEach-Object { @{ Alias = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSCompose/PSCompose.psd1') -Force
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Get-Help -Full <command>' {
    It '<Command> has a synopsis, a description, examples that parse and a description for every parameter' -ForEach $Commands {
        $help = Get-Help $Command -Full
        $syntaxOnly = (Get-Command $Command | Out-String).Trim()
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Command *" -Because 'without help, pwsh shows the syntax as synopsis'
        ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 1
        foreach ($example in $help.Examples.Example) {
            $errors = $null
            [System.Management.Automation.Language.Parser]::ParseInput($example.Code, [ref]$null, [ref]$errors) | Out-Null
            $errors | Should -BeNullOrEmpty -Because "the example '$($example.Code)' must be valid PowerShell"
            ($example.Remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "the example '$($example.Code)' needs an explanation"
        }
        $parameters = (Get-Command $Command).Parameters.Keys | Where-Object { $_ -notin $Common }
        foreach ($name in $parameters) {
            $p = $help.Parameters.Parameter | Where-Object Name -eq $name
            ($p.Description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$name of $Command needs a description"
        }
        $full = Get-Help $Command -Full | Out-String -Width 120
        $full | Should -Match '-{10,} Example 1 -{10,}'
        $full | Should -Match ([regex]::Escape(@($help.Examples.Example)[0].Code.Trim()))
    }

    It 'Get-Help <Alias> shows the help of the command it stands for' -ForEach $Aliases {
        $command = (Get-Alias $Alias).ResolvedCommandName
        $command | Should -BeLike '*-ComposeImage'
        (Get-Help $Alias).Name | Should -Be $command
        ((Get-Help $Alias -Full).Description.Text -join ' ') | Should -Match ([regex]::Escape("Alias: $Alias"))
    }
}
