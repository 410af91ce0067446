using PSCompose.Model;
using Xunit;

namespace PSCompose.Tests.Engine
{
    /// <summary>Compose's log prefix (cmd/formatter/logs.go): name, width of the longest name so far plus one, colours.</summary>
    public class LogPresenterTests
    {
        private static ComposeLogRecord Record(string service, int number, string container) =>
            new ComposeLogRecord { ProjectName = "demo", Service = service, Number = number, Container = container, Line = "hello" };

        [Fact]
        public void The_prefix_widens_for_later_lines_only_and_container_names_are_shown_whole()
        {
            var presenter = new LogPresenter(prefix: true, timestamps: false);
            Assert.Equal("web-1  | hello", presenter.Present(Record("web", 1, "demo-web-1")).ToDisplayString(false));
            Assert.Equal("music_service  | hello", presenter.Present(Record("web", 1, "music_service")).ToDisplayString(false));
            Assert.Equal("web-1          | hello", presenter.Present(Record("web", 1, "demo-web-1")).ToDisplayString(false));
        }

        [Fact]
        public void Colours_follow_the_order_of_first_output_and_only_wrap_the_prefix()
        {
            var presenter = new LogPresenter(prefix: true, timestamps: false);
            Assert.Equal("\u001b[36mweb-1  | \u001b[0mhello", presenter.Present(Record("web", 1, "demo-web-1")).ToDisplayString(true));
            Assert.Equal("\u001b[33mdb-1   | \u001b[0mhello", presenter.Present(Record("db", 1, "demo-db-1")).ToDisplayString(true));
        }

        [Fact]
        public void Without_a_prefix_the_line_is_bare_and_timestamps_come_after_the_prefix()
        {
            Assert.Equal("hello", new LogPresenter(false, false).Present(Record("web", 1, "demo-web-1")).ToDisplayString(true));
            ComposeLogRecord r = Record("web", 1, "demo-web-1");
            r.Timestamp = new System.DateTimeOffset(2026, 11, 30, 5, 13, 3, System.TimeSpan.Zero).AddTicks(5965006);
            Assert.Equal("web-1  | 2026-11-30T05:13:03.596500600Z hello", new LogPresenter(true, true).Present(r).ToDisplayString(false));
        }

        [Fact]
        public void Log_names_strip_the_project_only_from_default_names()
        {
            Assert.Equal("web-2", ComposeNames.LogName("demo", "web", 2, "demo-web-2"));
            Assert.Equal("demo-custom", ComposeNames.LogName("demo", "web", 1, "demo-custom"));
            Assert.Equal("demo-web-run-0123456789ab", ComposeNames.LogName("demo", "web", 0, "demo-web-run-0123456789ab"));
        }
    }
}
