using System.Globalization;
using System.Xml;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>A question as asked: owner, time, plain text (title, body, tags) and tags. The accepted answer is only a label.</summary>
internal sealed record SiteQuestion(int Id, int Owner, DateTimeOffset Created, string Title, string Text, IReadOnlyList<string> Tags, int? AcceptedAnswerId);

/// <summary>An answer: the question it answers, its author, when, and its plain text.</summary>
internal sealed record SiteAnswer(int Id, int QuestionId, int Owner, DateTimeOffset Created, string Text);

/// <summary>A comment on a question or an answer.</summary>
internal sealed record SiteComment(int PostId, int Author, DateTimeOffset Created, string Text);

/// <summary>An accept vote (VoteTypeId 1) on an answer; dumps date votes to the day, so it is known from the next midnight.</summary>
internal sealed record SiteAccept(int AnswerId, DateTimeOffset KnownFrom);

/// <summary>An upvote (VoteTypeId 2) on a post, known from the midnight after its date (votes are dated to the day).</summary>
internal sealed record SiteUpvote(int PostId, DateTimeOffset KnownFrom);

/// <summary>
/// A Stack Exchange dump folder (Posts, Users, Comments, Votes, Tags .xml), read once by streaming <see cref="XmlReader"/>.
/// People are user ids ≥ 1 (the Community bot and deleted owners are left out); HTML bodies become plain text. Scores,
/// reputations and last-access dates are never read: they are measured at dump time, after every question.
/// </summary>
internal sealed record StackExchangeSite(
    string Name, IReadOnlyList<int> Users, IReadOnlyList<SiteQuestion> Questions, IReadOnlyList<SiteAnswer> Answers,
    IReadOnlyList<SiteComment> Comments, IReadOnlyList<SiteAccept> Accepts, IReadOnlyList<string> TagNames)
{
    /// <summary>Upvotes, dated to the day (the votes' final counts, Score, are never read).</summary>
    public IReadOnlyList<SiteUpvote> Upvotes { get; init; } = [];

    public static readonly string[] Files = ["Posts.xml", "Users.xml", "Comments.xml", "Votes.xml", "Tags.xml"];

    private const int AcceptVote = 1;
    private const int UpVote = 2;

    public static StackExchangeSite Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliException($"{directory}: no such site folder (expected a Stack Exchange dump with {string.Join(", ", Files)}).");
        }

        var missing = Files.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        if (missing.Count > 0)
        {
            throw new CliException($"{directory}: {string.Join(", ", missing)} missing; a site folder needs {string.Join(", ", Files)}.");
        }

        var users = new List<int>();
        Rows(directory, "Users.xml", row =>
        {
            var id = row.Int("Id");
            if (id > 0)
            {
                users.Add(id);
            }
        });
        var questions = new List<SiteQuestion>();
        var answers = new List<SiteAnswer>();
        Rows(directory, "Posts.xml", row =>
        {
            var type = row.Int("PostTypeId");
            var owner = row.OptionalInt("OwnerUserId") ?? 0;
            if (type == 1 && owner > 0)
            {
                var title = row.Optional("Title") ?? "";
                var tags = SiteText.Tags(row.Optional("Tags"));
                var text = $"{title}\n{SiteText.FromHtml(row.Optional("Body"))}\n{string.Join(' ', tags)}";
                questions.Add(new SiteQuestion(row.Int("Id"), owner, row.Date("CreationDate"), title, text, tags, row.OptionalInt("AcceptedAnswerId")));
            }
            else if (type == 2 && owner > 0)
            {
                answers.Add(new SiteAnswer(row.Int("Id"), row.Int("ParentId"), owner, row.Date("CreationDate"), SiteText.FromHtml(row.Optional("Body"))));
            }
        });
        var comments = new List<SiteComment>();
        Rows(directory, "Comments.xml", row =>
        {
            if (row.OptionalInt("UserId") is > 0 and var author)
            {
                comments.Add(new SiteComment(row.Int("PostId"), author, row.Date("CreationDate"), row.Optional("Text") ?? ""));
            }
        });
        var accepts = new List<SiteAccept>();
        var upvotes = new List<SiteUpvote>();
        Rows(directory, "Votes.xml", row =>
        {
            var type = row.Int("VoteTypeId");
            if (type == AcceptVote)
            {
                accepts.Add(new SiteAccept(row.Int("PostId"), row.Date("CreationDate").Date.AddDays(1)));
            }
            else if (type == UpVote)
            {
                upvotes.Add(new SiteUpvote(row.Int("PostId"), row.Date("CreationDate").Date.AddDays(1)));
            }
        });
        var tagNames = new List<string>();
        Rows(directory, "Tags.xml", row => tagNames.Add(row.Required("TagName")));
        if (questions.Count == 0)
        {
            throw new CliException($"{directory}: Posts.xml has no question with an owner (PostTypeId 1); nothing to route.");
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return new StackExchangeSite(name, users, questions, answers, comments, accepts, tagNames) { Upvotes = upvotes };
    }

    private static void Rows(string directory, string file, Action<SiteRow> read)
    {
        var path = Path.Combine(directory, file);
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true });
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "row")
                {
                    read(new SiteRow(reader, file));
                }
            }
        }
        catch (XmlException e)
        {
            throw new CliException($"{file}: line {e.LineNumber}: not well-formed XML ({e.Message.Split(" Line ")[0].TrimEnd('.', ' ')}).");
        }
    }
}

/// <summary>The attributes of one <c>&lt;row&gt;</c>, with errors that name the file and line.</summary>
internal readonly struct SiteRow(XmlReader reader, string file)
{
    public string? Optional(string name) => reader.GetAttribute(name);

    public string Required(string name) => reader.GetAttribute(name) ?? throw Bad($"a row has no {name}");

    public int Int(string name) =>
        int.TryParse(Required(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Bad($"{name} '{Required(name)}' is not an integer");

    public int? OptionalInt(string name) => Optional(name) is null ? null : Int(name);

    public DateTimeOffset Date(string name) =>
        DateTimeOffset.TryParse(Required(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Bad($"{name} '{Required(name)}' is not a date");

    private CliException Bad(string problem) =>
        new($"{file}: line {(reader as IXmlLineInfo)?.LineNumber ?? 0}: {problem}.");
}
