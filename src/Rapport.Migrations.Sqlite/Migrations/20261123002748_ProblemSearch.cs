using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProblemSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search over problems (Rapport.Core/Problems/ProblemSearch). Not part of the EF model, so written here.
            // A contentless FTS5 table keyed by a stable integer per problem: the implicit rowid of "Problems" may change on
            // VACUUM, an INTEGER PRIMARY KEY does not. Triggers keep both in step with every write, including cascades.
            migrationBuilder.Sql("""
                CREATE TABLE "ProblemSearchKeys" ("RowId" INTEGER PRIMARY KEY, "ProblemId" TEXT NOT NULL UNIQUE);
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ProblemSearch" USING fts5("Title", "Body", content='', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Problems_Search_Insert" AFTER INSERT ON "Problems" BEGIN
                    INSERT INTO "ProblemSearchKeys" ("ProblemId") VALUES (new."Id");
                    INSERT INTO "ProblemSearch" (rowid, "Title", "Body")
                    VALUES ((SELECT "RowId" FROM "ProblemSearchKeys" WHERE "ProblemId" = new."Id"), new."Title", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Problems_Search_Update" AFTER UPDATE OF "Title", "Body" ON "Problems" BEGIN
                    INSERT INTO "ProblemSearch" ("ProblemSearch", rowid, "Title", "Body")
                    VALUES ('delete', (SELECT "RowId" FROM "ProblemSearchKeys" WHERE "ProblemId" = old."Id"), old."Title", old."Body");
                    INSERT INTO "ProblemSearch" (rowid, "Title", "Body")
                    VALUES ((SELECT "RowId" FROM "ProblemSearchKeys" WHERE "ProblemId" = new."Id"), new."Title", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Problems_Search_Delete" AFTER DELETE ON "Problems" BEGIN
                    INSERT INTO "ProblemSearch" ("ProblemSearch", rowid, "Title", "Body")
                    VALUES ('delete', (SELECT "RowId" FROM "ProblemSearchKeys" WHERE "ProblemId" = old."Id"), old."Title", old."Body");
                    DELETE FROM "ProblemSearchKeys" WHERE "ProblemId" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ProblemSearchKeys" ("ProblemId") SELECT "Id" FROM "Problems";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ProblemSearch" (rowid, "Title", "Body")
                SELECT k."RowId", p."Title", p."Body" FROM "Problems" p JOIN "ProblemSearchKeys" k ON k."ProblemId" = p."Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Problems_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Problems_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Problems_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "ProblemSearch";""");
            migrationBuilder.Sql("""DROP TABLE "ProblemSearchKeys";""");
        }
    }
}
