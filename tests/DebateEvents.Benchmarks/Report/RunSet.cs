namespace DebateEvents.Benchmarks.Report;

/// <summary>
/// What the runs folder holds: <c>&lt;scenario&gt;-&lt;n&gt;.log</c> (a run's output) and <c>commands.txt</c>
/// (<c>scenario TAB command</c>), as scripts/bench-report.sh writes them.
/// </summary>
internal sealed class RunSet
{
    private readonly Dictionary<string, List<(string File, List<ResultLine> Lines)>> _runs = [];

    public RunSet(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*.log").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var scenario = name[..name.LastIndexOf('-')];
            var lines = File.ReadLines(file).Select(ResultLine.Parse).OfType<ResultLine>().ToList();
            if (!_runs.TryGetValue(scenario, out var list))
            {
                _runs[scenario] = list = [];
            }

            list.Add((file, lines));
            Latest = File.GetLastWriteTimeUtc(file) > Latest ? File.GetLastWriteTimeUtc(file) : Latest;
        }

        var commands = Path.Combine(folder, "commands.txt");
        Commands = File.Exists(commands)
            ? File.ReadLines(commands).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])
            : [];
    }

    public DateTime Latest { get; }

    public IReadOnlyDictionary<string, string> Commands { get; }

    public IEnumerable<string> Scenarios => _runs.Keys.Order(StringComparer.Ordinal);

    /// <summary>Each run's RESULT lines of <paramref name="scenario"/>.</summary>
    public IReadOnlyList<IReadOnlyList<ResultLine>> Runs(string scenario) =>
        _runs.TryGetValue(scenario, out var list) ? list.Select(r => (IReadOnlyList<ResultLine>)r.Lines).ToList() : [];

    /// <summary>A field's value in each run that has it, taken from the first RESULT line matching <paramref name="line"/>.</summary>
    public List<double> Values(string scenario, Func<ResultLine, bool> line, string key) =>
        Runs(scenario).Select(r => r.FirstOrDefault(line)?.Number(key)).OfType<double>().ToList();

    public List<double> Values(string scenario, string key) => Values(scenario, l => l.Name == scenario, key);
}
