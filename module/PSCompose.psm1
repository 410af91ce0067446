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

    Output is Compose's text by default: ps as Compose's table (NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS;
    --no-trunc honoured), ps -q as container ids, ps --services, ps --format json (one JSON object a line) and ps
    --format with Go templates of plain fields ({{.Name}}, {{.Service}}, {{.State}}, {{json .}}, the table prefix,
    \t; --no-trunc honoured), ls as Compose's table, ls --filter name=X (X equal to the name or a regular expression
    found in it) and ls --format json, images and top as Compose's tables, volumes as Compose's table (DRIVER VOLUME
    NAME), volumes -q and volumes --format json, config as YAML (or JSON with --format json), config --hash, log
    lines with Compose's "web-1  | " prefix, the output of run and exec, wait's `container "ID" exited with status
    code N` lines, port, ls -q, images -q and version as Compose prints them. Where Compose's exact text is
    impractical, PowerShell's formatting of the objects is used instead: stats, events and watch, and Compose's
    progress lines ("Container shop-web-1 Started"), which are PowerShell progress records here. -AsObject returns
    the cmdlets' typed objects instead of text.

    --dry-run (before or after the command) runs the cmdlet with -WhatIf: nothing is created, changed, started or
    executed, and PowerShell's "What if:" messages say what would be. The commands that only read (ps, logs, config,
    ...) run as usual; config -o writes no file. Compose refuses a dry run of run or exec attached to the command,
    and so does Invoke-Compose, with Compose's words ("interactive run is not supported in dry-run mode"); run -d and
    exec -d are dry-run.

    $LASTEXITCODE is set as Compose sets its exit code: 0 on success, 1 when the command failed, the container's code
    for run and exec (and for up with --exit-code-from or --abort-on-container-exit), and for wait the code of the
    container that exited last (wait prints Compose's `container "ID" exited with status code N` as each exits).

    A command line Compose refuses is refused with Compose's own message and nothing runs: `unknown flag: --bogus`
    (FrontDoorUnknownFlag), `unknown shorthand flag: 'z' in -z` (FrontDoorUnknownFlag), `unknown docker command:
    "compose bogus"` (FrontDoorUnknownCommand), `flag needs an argument: --tail` (FrontDoorFlagNeedsArgument),
    `invalid argument ...` (FrontDoorInvalidArgument), `requires at least 1 arg(s), only received 0`
    (FrontDoorMissingArgument); $LASTEXITCODE is 1, as Compose exits 1. A command or flag Compose has but PSCompose
    cannot honour (attach, commit, export, publish, bridge; Go templates in --format beyond plain fields
    (pipes, functions) — use -AsObject and PowerShell instead — ...) is refused the same way with
    FrontDoorUnsupported.

    Flags that shape Compose's output have their PSCompose effect: --progress quiet (and build, pull, push -q) shows
    no progress; --progress plain writes a Verbose line per operation instead of progress bars; --quiet-pull and
    --quiet-build (up, create, run) hide pull or build progress; --ansi always colours log prefixes as Compose does
    (--no-color takes the colour off again); ps --no-trunc prints whole commands and stats --no-trunc whole
    container ids; run and exec send pipeline input to the command's stdin as it arrives (not run -i=false, not with
    -d).

    These flags are accepted and change nothing because their effect is already what PSCompose does: --ansi never
    and auto (PSCompose's text has no colour, as Compose's has none off a terminal); --progress tty and auto
    (PowerShell's progress records, or CI groups in a CI log); --parallel -1 or 0 (independent operations run at
    once without a limit); --no-color (logs, up) without --ansi always (the text is monochrome); up --menu when
    detached (Compose shows its menu only when attached); ps --orphans (containers of services no longer in the file
    are listed); exec -T (--no-tty), run -T (--no-TTY) off a console (a TTY is attached only when the console is
    interactive); --dry-run of a command that only reads (ps, logs, config, ...: it runs as usual, as with Compose).
    Values PSCompose cannot honour are refused with FrontDoorUnsupported and a reason: --progress json, --parallel
    above 0, --all-resources, up --menu when attached, ps --orphans=false.

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
    Get-Content schema.sql | Invoke-Compose exec -T db psql -U postgres
    Sends the file's lines to psql's stdin in the db container as they are read, as `docker compose exec -T db psql
    -U postgres < schema.sql` does.

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
    # begin/process/end around a steppable pipeline: pipeline input reaches the command's stdin (run, exec) as it
    # arrives instead of after the last item.
    begin {
        # Piped input, not the console, is then the command's stdin, as a redirected stdin is for Compose.
        $interactive = [Environment]::UserInteractive -and $Host.Name -eq 'ConsoleHost' -and -not [Console]::IsInputRedirected -and
            -not $MyInvocation.ExpectingInput
        $call = [PSCompose.FrontDoor.ComposeCommandLine]::Parse([object[]]$args, $interactive)
        $pipeline = $null
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
        if ($null -ne $call.Text) { $call.Text; return }

        # --progress quiet|plain and build/pull/push -q: preferences of this call only.
        switch ($call.Progress) {
            'Quiet' { $ProgressPreference = 'SilentlyContinue' }
            'Lines' { $ProgressPreference = 'SilentlyContinue'; $VerbosePreference = 'Continue' }
        }
        $parameters = $call.Parameters
        $failures = $null
        $forward = $call.ForwardsInput -and $MyInvocation.ExpectingInput
        $command = if ($call.AsObject) {
            {
                & $call.CommandName @parameters -ErrorVariable failures | ForEach-Object {
                    if ($call.Keeps($_)) {
                        if ($null -ne ($code = $call.ExitCodeOf($_))) { $global:LASTEXITCODE = $code }
                        $_
                    }
                }
            }
        }
        elseif ([PSCompose.FrontDoor.ComposeText]::IsBatch($call.Output)) {
            {
                & $call.CommandName @parameters -ErrorVariable failures | ForEach-Object -Begin { $all = [System.Collections.Generic.List[object]]::new() } -Process { $all.Add($_) } -End {
                    [PSCompose.FrontDoor.ComposeText]::FormatAll($call, $all.ToArray())
                }
            }
        }
        else {
            {
                & $call.CommandName @parameters -ErrorVariable failures | ForEach-Object {
                    if ($call.Keeps($_)) {
                        if ($null -ne ($code = $call.ExitCodeOf($_))) { $global:LASTEXITCODE = $code }
                        $text = [PSCompose.FrontDoor.ComposeText]::Format($call, $_)
                        if ($null -ne $text) { $text }
                    }
                }
            }
        }
        $pipeline = $command.GetSteppablePipeline($MyInvocation.CommandOrigin)
        $pipeline.Begin($forward)
    }
    process {
        if ($forward) { $pipeline.Process($_) }
    }
    end {
        if ($null -eq $pipeline) { return }
        $pipeline.End()
        $pipeline.Dispose()
        if ($failures -and $global:LASTEXITCODE -eq 0) { $global:LASTEXITCODE = 1 }
    }
}
