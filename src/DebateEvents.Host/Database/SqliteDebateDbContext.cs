using DebateEvents.Host.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Host.Database;

/// <summary>The host's database on SQLite (the default); its migrations are under <c>Database/Migrations/Sqlite</c>.</summary>
public sealed class SqliteDebateDbContext(DbContextOptions<SqliteDebateDbContext> options) : DebateDbContext(options);
