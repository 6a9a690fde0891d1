namespace Rapport.Trust.Routing;

/// <summary>
/// Okapi BM25 (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", Foundations and Trends
/// in IR 3(4), 2009) with the non-negative idf Lucene uses. Here a "document" is everything one person contributed.
/// </summary>
public static class Bm25
{
    /// <summary>idf = ln(1 + (N − df + 0.5) / (df + 0.5)): positive even for a term everyone uses.</summary>
    /// <param name="documents">N, documents in the collection.</param>
    /// <param name="documentFrequency">df, documents containing the term.</param>
    public static double Idf(int documents, int documentFrequency) =>
        Math.Log(1 + ((documents - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>One term's score: idf · tf (k1 + 1) / (tf + k1 (1 − b + b · length / average length)).</summary>
    /// <param name="idf">From <see cref="Idf"/>.</param>
    /// <param name="termFrequency">tf, possibly weighted (a contribution may count more than once).</param>
    /// <param name="length">The document's length in (weighted) terms.</param>
    /// <param name="averageLength">Average document length of the collection.</param>
    /// <param name="k1">Term-frequency saturation (1.2 is usual).</param>
    /// <param name="b">Length normalisation in [0, 1] (0.75 is usual).</param>
    public static double Term(double idf, double termFrequency, double length, double averageLength, double k1, double b)
    {
        if (termFrequency <= 0)
        {
            return 0;
        }

        var norm = averageLength > 0 ? 1 - b + (b * length / averageLength) : 1;
        return idf * termFrequency * (k1 + 1) / (termFrequency + (k1 * norm));
    }
}
