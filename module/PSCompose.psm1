# The module's script part: Invoke-Compose, the `docker compose` front door. It is a simple function (no
# [CmdletBinding()]) because an advanced function or a cmdlet would take -p, -d, -v, -e, -w for PowerShell's own
# common parameters (-PipelineVariable, -Debug, -Verbose, -ErrorAction, -WarningAction); a simple function receives
# every token of the command line in $args unchanged. The parsing and mapping are C# (PSCompose.FrontDoor).

function Invoke-Compose {
    <#
    .SYNOPSIS
    Runs a `docker compose` command line through PSCompose, so existing scripts move over unchanged.

    .DESCRIPTION
    Takes the words that follow `docker compose` (or `docker-compose`) and runs the PSCompose cmdlet that does the
    same work: global flags before the command (-f/--file, -p/--project-name, --profile, --env-file,
    --project-directory, --compatibility, --dry-run as -WhatIf), then the command and its flags in every form Compose
    accepts (--flag value, --flag=value, -x value, -xvalue, combined short flags such as -dV, `--`).

    Commands and the cmdlets they run: up (Invoke-ComposeUp; attached unless -d, --wait or --no-start), create
    (Invoke-ComposeUp -NoStart), scale (Invoke-ComposeUp -Scale), down (Invoke-ComposeDown), ps (Get-ComposeContainer),
    logs (Receive-ComposeLog), run (Invoke-ComposeRun), exec (Invoke-ComposeExec), start, stop, restart, pause,
    unpause, kill, rm (the *-ComposeService cmdlets), pull (Request-ComposeImage), push (Publish-ComposeImage), build
    (New-ComposeImage), config (Get-ComposeConfig), images (Get-ComposeImage), top (Get-ComposeProcess), port
    (Get-ComposePort), cp (Copy-ComposeItem), events (Get-ComposeEvent), wait (Wait-ComposeService), version
    (Get-ComposeVersion), ls (Get-ComposeProject), volumes (Get-ComposeVolume), stats (Get-ComposeStat), watch
    (Watch-ComposeProject, where the module has it).

    Output is Compose's text by default: ps as Compose's table (NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS),
    ps -q as container ids, ps --services, ps --format json (one JSON object a line) and ps --format with Go templates
    of plain fields ({{.Name}}, {{.Service}}, {{.State}}, {{json .}}, the table prefix, \t; --no-trunc honoured),
    ls --filter name=X (X equal to the name or a regular expression found in it) and ls --format json, volumes
    as Compose's table (DRIVER VOLUME NAME), volumes -q and volumes --format json, config as YAML (or JSON with
    --format json), config --hash, log lines with Compose's "web-1  | " prefix, the output of run and exec, port,
    ls -q, images -q and version as Compose prints them. Where Compose's exact text is impractical, PowerShell's formatting of the objects is used instead: the
    tables of images, ls, top, stats, events and wait, and Compose's progress lines ("Container shop-web-1 Started"),
    which are PowerShell progress records here. -AsObject returns the cmdlets' typed objects instead of text.

    --dry-run (before or after the command) runs the cmdlet with -WhatIf: nothing is created, changed, started or
    executed, and PowerShell's "What if:" messages say what would be. The commands that only read (ps, logs, config,
    ...) run as usual; config -o writes no file. Compose refuses a dry run of run or exec attached to the command,
    and so does Invoke-Compose, with Compose's words ("interactive run is not supported in dry-run mode"); run -d and
    exec -d are dry-run.

    $LASTEXITCODE is set as Compose sets its exit code: 0 on success, 1 when the command failed, the container's code
    for run and exec (and for up with --exit-code-from or --abort-on-container-exit).

    A command line Compose refuses is refused with Compose's own message and nothing runs: `unknown flag: --bogus`
    (FrontDoorUnknownFlag), `unknown shorthand flag: 'z' in -z` (FrontDoorUnknownFlag), `unknown docker command:
    "compose bogus"` (FrontDoorUnknownCommand), `flag needs an argument: --tail` (FrontDoorFlagNeedsArgument),
    `invalid argument ...` (FrontDoorInvalidArgument), `requires at least 1 arg(s), only received 0`
    (FrontDoorMissingArgument); $LASTEXITCODE is 1, as Compose exits 1. A command or flag Compose has but PSCompose
    cannot honour (attach, commit, export, publish, bridge; Go templates in --format beyond plain fields
    (pipes, functions) — use -AsObject and PowerShell instead — ...) is refused the same way with
    FrontDoorUnsupported. Flags that only shape Compose's terminal
    output (--ansi, --progress, --no-color, --menu, --quiet-pull, --quiet-build, --no-trunc) and --parallel are
    accepted and have no effect.

    docker-compose: PSCompose does not define a `docker-compose` alias. In PowerShell an alias wins over an
    application of the same name, so an alias exported by the module would silently replace a real docker-compose
    binary on PATH. To have scripts that call docker-compose use PSCompose, opt in for the session (or in your
    profile): Set-Alias -Name docker-compose -Value Invoke-Compose

    .PARAMETER AsObject
    Return the cmdlet's typed objects (ComposeContainer, ComposeLogRecord, ...) instead of Compose's text. May appear
    anywhere on the command line.

    .EXAMPLE
    Invoke-Compose -p shop -f stack.yaml up -d
    Brings project shop up from stack.yaml in the background, as `docker compose -p shop -f stack.yaml up -d` does.

    .EXAMPLE
    Invoke-Compose -p shop ps
    Prints Compose's container table for project shop.

    .EXAMPLE
    Invoke-Compose -p shop ps -q -AsObject | Select-Object Name, Status
    Returns the containers as ComposeContainer objects instead of ids.

    .EXAMPLE
    Invoke-Compose run --rm web python manage.py migrate; $LASTEXITCODE
    Runs a one-off container of the web service and shows the exit code of its command.

    .EXAMPLE
    Set-Alias -Name docker-compose -Value Invoke-Compose; docker-compose -p shop down -v
    Opts in to the docker-compose name for this session, then takes project shop down with its volumes.

    .LINK
    Invoke-ComposeUp

    .LINK
    about_PSCompose
    #>
    # Strings (Compose's text) by default; with -AsObject the objects of the cmdlet the command line maps to.
    [OutputType([string], [System.Management.Automation.PSObject])]
    param()
    $interactive = [Environment]::UserInteractive -and $Host.Name -eq 'ConsoleHost' -and -not [Console]::IsInputRedirected
    $call = [PSCompose.FrontDoor.ComposeCommandLine]::Parse([object[]]$args, $interactive)
    if ($null -ne $call.Error) {
        $global:LASTEXITCODE = $call.ExitCode
        # Not Write-Error: hosts built on InitialSessionState.CreateDefault2 lack Microsoft.PowerShell.Utility. An
        # advanced function of the same name, local to this call, writes the record so that it reads
        # "Invoke-Compose: unknown flag: --bogus" with the id "FrontDoorUnknownFlag,Invoke-Compose".
        function Invoke-Compose { [CmdletBinding()] param($Record) $PSCmdlet.WriteError($Record) }
        Invoke-Compose $call.Error
        return
    }
    $global:LASTEXITCODE = 0
    if ($null -ne $call.Text) { return $call.Text }

    $parameters = $call.Parameters
    $failures = $null
    if ($call.AsObject) {
        & $call.CommandName @parameters -ErrorVariable failures | Where-Object { $call.Keeps($_) }
    }
    elseif ([PSCompose.FrontDoor.ComposeText]::IsBatch($call.Output)) {
        [PSCompose.FrontDoor.ComposeText]::FormatAll($call, @(& $call.CommandName @parameters -ErrorVariable failures))
    }
    else {
        $output = $call.Output
        & $call.CommandName @parameters -ErrorVariable failures | ForEach-Object {
            $text = if ($call.Keeps($_)) { [PSCompose.FrontDoor.ComposeText]::Format($output, $_) }
            if ($null -ne $text) { $text }
        }
    }
    if ($failures -and $global:LASTEXITCODE -eq 0) { $global:LASTEXITCODE = 1 }
}
