using System.Globalization;
using Rapport.Trust.Graph;

namespace Rapport.Benchmarks.Trust;

/// <summary>
/// The graphs the trust engine is measured on: the real ones in shared/data/graphs (with that README's filters:
/// Bitcoin ratings above 0 as trust rating/10 and below 0 as distrust; Advogato weights as they are, self-loops dropped;
/// wiki-Vote at weight 1) and seeded power-law graphs.
/// </summary>
internal static class TrustGraphs
{
    internal static readonly string[] RealNames = ["bitcoin-otc", "bitcoin-alpha", "advogato", "wiki-vote"];

    /// <summary>The folder of the real graphs: RAPPORT_GRAPHS, else shared/data/graphs beside or above the working folder.</summary>
    internal static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("RAPPORT_GRAPHS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "graphs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/data/graphs not found; set RAPPORT_GRAPHS to the folder of the graph files.");
    }

    internal static (int NodeCount, StatementEdge[] Edges) Load(string name)
    {
        var folder = Folder();
        return name switch
        {
            "bitcoin-otc" => Parse(Path.Combine(folder, "soc-sign-bitcoinotc.csv"), ',', skip: 0, w => w / 10),
            "bitcoin-alpha" => Parse(Path.Combine(folder, "soc-sign-bitcoinalpha.csv"), ',', skip: 0, w => w / 10),
            "advogato" => Parse(Path.Combine(folder, "advogato.out"), ' ', skip: 1, w => w),
            "wiki-vote" => Parse(Path.Combine(folder, "wiki-Vote.txt"), '\0', skip: 0, _ => 1),
            _ => throw new ArgumentException($"Unknown graph {name}.", nameof(name)),
        };
    }

    private static (int, StatementEdge[]) Parse(string path, char separator, int skip, Func<float, float> value)
    {
        var ids = new Dictionary<long, int>();
        var edges = new List<StatementEdge>();
        foreach (var line in File.ReadLines(path).Skip(skip))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = separator == '\0'
                ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                : line.Split(separator, StringSplitOptions.RemoveEmptyEntries);
            var from = Id(ids, long.Parse(parts[0], CultureInfo.InvariantCulture));
            var to = Id(ids, long.Parse(parts[1], CultureInfo.InvariantCulture));
            var raw = parts.Length > 2 ? float.Parse(parts[2], CultureInfo.InvariantCulture) : 1;
            var weight = value(raw);
            if (from != to && weight != 0)
            {
                edges.Add(new StatementEdge(from, to, weight, TopicIndex.General, EdgeScope.Public));
            }
        }

        return (ids.Count, edges.ToArray());
    }

    private static int Id(Dictionary<long, int> ids, long raw)
    {
        if (!ids.TryGetValue(raw, out var id))
        {
            id = ids.Count;
            ids[raw] = id;
        }

        return id;
    }
}
