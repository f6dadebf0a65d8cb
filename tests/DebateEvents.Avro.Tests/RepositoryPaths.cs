namespace DebateEvents.Avro.Tests;

/// <summary>Locates folders of the repository from the test assembly's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string TestProject => Path.Combine(Root, "tests", "DebateEvents.Avro.Tests");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DebateEvents.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No DebateEvents.sln above {AppContext.BaseDirectory}.");
    }
}
