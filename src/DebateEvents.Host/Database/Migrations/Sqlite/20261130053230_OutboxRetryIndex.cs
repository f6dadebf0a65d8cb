using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DebateEvents.Host.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxRetryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_message_backoff",
                table: "outbox_message");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_retry",
                table: "outbox_message",
                column: "next_attempt_at",
                filter: "delivered_at IS NULL AND next_attempt_at > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_message_retry",
                table: "outbox_message");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_backoff",
                table: "outbox_message",
                column: "next_attempt_at",
                filter: "delivered_at IS NULL");
        }
    }
}
