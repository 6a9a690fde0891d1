using Rapport.Trust.Routing;

namespace Rapport.Trust.Tests.Routing;

public sealed class Bm25Tests
{
    [Fact]
    public void Idf_IsLuceneNonNegativeForm()
    {
        // ln(1 + (2 − 1 + 0.5) / (1 + 0.5)) = ln 2; a term in every document still scores a little: ln(1 + 0.5/2.5).
        Assert.Equal(Math.Log(2), Bm25.Idf(2, 1), 12);
        Assert.Equal(Math.Log(1.2), Bm25.Idf(2, 2), 12);
    }

    [Fact]
    public void Term_SaturatesWithFrequency_AndPenalisesLongDocuments()
    {
        // idf · tf (k1 + 1) / (tf + k1 (1 − b + b · len/avg)) = 1 · 2 · 2.2 / (2 + 1.2 · 1) = 1.375 at average length.
        Assert.Equal(1.375, Bm25.Term(1, 2, 4, 4, 1.2, 0.75), 12);
        // Twice the average length: norm = 0.25 + 1.5 = 1.75 → 4.4 / (2 + 2.1) = 1.0732…
        Assert.Equal(4.4 / 4.1, Bm25.Term(1, 2, 8, 4, 1.2, 0.75), 12);
        Assert.Equal(0, Bm25.Term(1, 0, 8, 4, 1.2, 0.75));
    }

    [Fact]
    public void TextTerms_LowerCasesDropsStopWordsAndFoldsPlurals()
    {
        Assert.Equal(["qubit", "query", "gate", "bus", "class", "x2"], TextTerms.Of("The Qubits and queries: <gates>, a bus, class x2 of I"));
    }
}
