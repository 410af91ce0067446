using System;
using System.Management.Automation;
using PSCompose.Common;
using PSCompose.Model;

namespace PSCompose.Cmdlets
{
    /// <summary>
    /// One invocation's CI log (-CiOutput, or TF_BUILD / GITHUB_ACTIONS): annotations for compose-file errors and
    /// warnings, plain progress lines inside collapsible groups, all written like Write-Host (the Information stream,
    /// tag PSHOST, shown on stdout, where the agent and the runner read commands). Pipeline thread only.
    /// </summary>
    internal sealed class CiLog
    {
        private static readonly string[] Tags = { "PSHOST", "PSCompose", "CI" };

        private readonly PSCmdlet cmdlet;
        private string openGroup;

        private CiLog(PSCmdlet cmdlet, CiDialect dialect)
        {
            this.cmdlet = cmdlet;
            Dialect = dialect;
        }

        /// <summary>The CI log of the invocation, or null outside CI mode.</summary>
        public static CiLog For(PSCmdlet cmdlet, CiOutputMode mode)
        {
            CiDialect dialect = CiDialect.For(mode, Environment.GetEnvironmentVariable);
            return dialect == null ? null : new CiLog(cmdlet, dialect);
        }

        public CiDialect Dialect { get; }

        /// <summary>A line of the group titled so, opening it (and closing the one before) when it is not the open one.</summary>
        public void InGroup(string title, string text)
        {
            if (openGroup != title)
            {
                CloseGroup();
                Write(Dialect.GroupStart(title));
                openGroup = title;
            }
            // An engine message can hold several lines (a build step's output arrives in chunks): one log line each.
            foreach (string line in text.Split('\n')) Write(CiDialect.Neutralise(line.TrimEnd('\r')));
        }

        public void CloseGroup()
        {
            if (openGroup == null) return;
            openGroup = null;
            Write(Dialect.GroupEnd);
        }

        public void Warning(string message) => Issue(false, message, null, 0, 0, null);

        /// <summary>An error annotation for a compose-file error (with its file, line and column); other errors have none.</summary>
        public void Error(Exception e, string errorId)
        {
            if (e is AggregateException ae && ae.InnerExceptions.Count == 1) e = ae.InnerExceptions[0];
            if (e is ComposeFileException fe) Issue(true, fe.Reason, fe.File, fe.Line, fe.Column, errorId);
        }

        private void Issue(bool error, string message, string file, int line, int column, string code)
        {
            // An annotation is a line of its own, outside any group, so the group's lines stay together.
            CloseGroup();
            Write(Dialect.Issue(error, message, file, line, column, code));
        }

        /// <summary>The phase an operation belongs to, for group titles (up: pull, build, create, start).</summary>
        public static string Phase(Plan.OperationKind kind)
        {
            switch (kind)
            {
                case Plan.OperationKind.PullImage: return "pull";
                case Plan.OperationKind.BuildImage: return "build";
                case Plan.OperationKind.StartContainer:
                case Plan.OperationKind.RestartContainer:
                case Plan.OperationKind.UnpauseContainer:
                case Plan.OperationKind.WaitCondition:
                case Plan.OperationKind.RequireContainer: return "start";
                case Plan.OperationKind.StopContainer:
                case Plan.OperationKind.KillContainer:
                case Plan.OperationKind.PauseContainer: return "stop";
                case Plan.OperationKind.RemoveContainer:
                case Plan.OperationKind.RemoveImage:
                case Plan.OperationKind.RemoveNetwork:
                case Plan.OperationKind.RemoveVolume: return "remove";
                default: return "create";
            }
        }

        /// <summary>
        /// An engine pull/push/build line as a plain log line, like docker's plain progress: build output as written,
        /// layer statuses as "id: status"; null for the byte counts (Downloading, Pushing, Extracting) and empty lines.
        /// </summary>
        public static string PlainLine(Engine.EngineProgress p)
        {
            if (p.Error != null) return p.Error;
            string output = p.Stream?.TrimEnd('\n', '\r');
            if (p.Stream != null) return output.Length == 0 ? null : output;
            if (p.Status == null || p.Status == "Downloading" || p.Status == "Pushing" || p.Status == "Extracting") return null;
            return p.Id != null ? p.Id + ": " + p.Status : p.Status;
        }

        /// <summary>
        /// Write-Host's way. Should a stopping pipeline (Ctrl+C) refuse the write, the line goes straight to the host, so a
        /// group is still closed.
        /// </summary>
        private void Write(string line)
        {
            try
            {
                cmdlet.WriteInformation(new HostInformationMessage { Message = line }, Tags);
            }
            catch (PipelineStoppedException)
            {
                cmdlet.Host?.UI?.WriteLine(line);
            }
        }
    }
}
