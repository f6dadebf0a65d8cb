using Microsoft.Data.Sqlite;

namespace DebateEvents.Host.Database;

/// <summary>
/// Creates the folder of the SQLite file when it is missing: SQLite makes the file itself but not its folder, and
/// would otherwise fail with "unable to open database file" (the default <c>data/debates.db</c> is relative to the
/// working directory, so a host started elsewhere meets this first).
/// </summary>
internal static class SqliteFolder
{
    /// <exception cref="InvalidOperationException">The folder cannot be created; the message names it and the setting.</exception>
    public static void Ensure(string? connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot create {folder} for the SQLite file {source} (ConnectionStrings:Debates, DEBATE_EVENTS_DATABASE_CONNECTION): {ex.Message}", ex);
        }
    }
}
