using DebateEvents.Host.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Host.Database;

/// <summary>
/// The host's database on PostgreSQL, which several instances may share; its migrations are under
/// <c>Database/Migrations/Postgres</c>.
/// </summary>
public sealed class PostgresDebateDbContext(DbContextOptions<PostgresDebateDbContext> options) : DebateDbContext(options);
