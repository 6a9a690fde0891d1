namespace Rapport.Trust.Recommendation.Files;

/// <summary>Layouts of public rating-and-trust datasets (whitespace-separated columns, one row a line).</summary>
public enum RatingFileFormat
{
    /// <summary>FilmTrust (Guo et al.): ratings <c>user item rating</c>, trust <c>trustor trustee value</c>.</summary>
    FilmTrust,

    /// <summary>Epinions and Ciao as released by Tang et al.: ratings <c>user item category rating</c>, trust <c>trustor trustee</c>.</summary>
    Tang,
}
