namespace Rapport.Trust.Recommendation;

/// <summary>One rating: dense user and item indices and the value on the dataset's scale.</summary>
public readonly record struct Rating(int User, int Item, float Value);
