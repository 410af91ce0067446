using PSCompose.Engine;
using PSCompose.Model;

namespace PSCompose.Execution
{
    /// <summary>A container whose output is read (logs, attach), and the records its lines become.</summary>
    internal sealed class LogTarget
    {
        public LogTarget(string project, EngineContainer container)
        {
            Project = project;
            Id = container.Id;
            Name = container.Name;
            Service = container.Label(ComposeLabels.Service);
            int.TryParse(container.Label(ComposeLabels.ContainerNumber), out int number);
            Number = number;
        }

        public string Project { get; }

        public string Id { get; }

        public string Name { get; }

        public string Service { get; }

        public int Number { get; }

        public ComposeLogRecord Record(OutputLine line) => new ComposeLogRecord
        {
            ProjectName = Project,
            Service = Service,
            Container = Name,
            ContainerId = Id,
            Number = Number,
            Stream = line.Stream == OutputStream.Stderr ? ComposeLogStream.Stderr : ComposeLogStream.Stdout,
            Timestamp = line.Timestamp,
            Line = line.Text,
        };
    }
}
