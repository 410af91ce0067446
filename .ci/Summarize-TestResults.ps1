#requires -Version 5.1
<#
.SYNOPSIS
    Prints totals from one test run's results (xunit TRX files and Pester JUnit XML in out/test-results) and sets
    $LASTEXITCODE to 1 when the run does not count.
.DESCRIPTION
    Zero Pester tests is always a failure. Under CI=true nothing may be skipped: a skipped engine-backed xunit test
    (classes named *EngineTests, a unit test enforces that every [EngineFact] lives in one) or a skipped Pester test
    would be a check reported as passing, and zero executed engine-backed xunit tests is a failure too.
#>
[CmdletBinding()]
param([string] $ResultsDirectory = (Join-Path $PSScriptRoot '../out/test-results'))
$ErrorActionPreference = 'Stop'

function New-Tally { [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 } }
$xunit = New-Tally
$engine = New-Tally
$pester = New-Tally
$trialCounts = @()

foreach ($file in Get-ChildItem -Path $ResultsDirectory -Filter *.trx -Recurse) {
    foreach ($result in ([xml](Get-Content -Raw $file.FullName)).TestRun.Results.UnitTestResult) {
        $outcome = switch ($result.outcome) { 'Passed' { 'Passed' } 'NotExecuted' { 'Skipped' } default { 'Failed' } }
        $xunit[$outcome]++
        $className = ($result.testName -replace '\(.*$', '') -replace '\.[^.]*$', ''
        if ($className.EndsWith('EngineTests')) { $engine[$outcome]++ }
        # Repeated-trial tests (concurrency, Ctrl+C) report their counts as "[trials] ..." lines.
        $stdout = $result.Output.StdOut
        if ($stdout) { $trialCounts += ($stdout -split "`r?`n") -match '^\[trials\] ' }
    }
}

foreach ($file in Get-ChildItem -Path $ResultsDirectory -Filter *.junit.xml -Recurse) {
    foreach ($case in ([xml](Get-Content -Raw $file.FullName)).SelectNodes('//testcase')) {
        $outcome = if ($case.SelectSingleNode('failure|error')) { 'Failed' }
                   elseif ($case.SelectSingleNode('skipped')) { 'Skipped' }
                   else { 'Passed' }
        $pester[$outcome]++
    }
}

function Format-Tally($tally) { "$($tally.Passed) passed, $($tally.Failed) failed, $($tally.Skipped) skipped" }
"xunit tests: $(Format-Tally $xunit) (engine-backed: $(Format-Tally $engine))"
"Pester tests: $(Format-Tally $pester)"
$trialCounts | Sort-Object
"tests: $($xunit.Passed + $pester.Passed) passed, $($xunit.Failed + $pester.Failed) failed, $($xunit.Skipped + $pester.Skipped) skipped"

$problems = @()
if ($pester.Passed + $pester.Failed -eq 0) { $problems += 'no Pester test ran' }
if ($env:CI -eq 'true') {
    if ($engine.Passed + $engine.Failed -eq 0) { $problems += 'no engine-backed xunit test ran' }
    if ($engine.Skipped -gt 0) { $problems += "$($engine.Skipped) engine-backed xunit tests were skipped" }
    if ($pester.Skipped -gt 0) { $problems += "$($pester.Skipped) Pester tests were skipped" }
}
foreach ($problem in $problems) { "CI: $problem" }
exit $(if ($problems) { 1 } else { 0 })
