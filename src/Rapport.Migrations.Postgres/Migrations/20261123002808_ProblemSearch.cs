using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProblemSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over problems (Rapport.Core/Problems/ProblemSearch). Not part of the EF model, so written here:
            // an expression GIN index that queries with the same expression use.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Problems_Search" ON "Problems" USING GIN (to_tsvector('simple', "Title" || ' ' || "Body"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Problems_Search";""");
        }
    }
}
