using ServiceManufacturing.Contracts.Reference;

namespace ServiceManufacturing.Services.Review.Experts;

/// <summary>What the conflict rules need to know of an application: who applies, through whom, and its related parties.</summary>
public sealed record ApplicationFacts(string CreditCode, string AuthorityCode, IReadOnlyList<string> RelatedParties);

/// <summary>
/// Computed conflicts of interest (利益冲突回避): an expert never reviews his own organisation, an application of his own
/// province (its recommending authority, or the province a separately planned city belongs to), nor an organisation the
/// applicant lists as a related party. Declared conflicts come on top of these (the expert's declaration).
/// </summary>
public static class Conflicts
{
    public const string SameOrganisation = "same-organisation";
    public const string SameAuthority = "same-authority";
    public const string RelatedParty = "related-party";
    public const string Declared = "declared";

    /// <summary>The rule codes a conflict may carry.</summary>
    public static IReadOnlyList<string> Codes { get; } = [SameOrganisation, SameAuthority, RelatedParty, Declared];

    /// <summary>Null when the expert may review the application, else the computed conflict's rule code.</summary>
    public static string? Between(ExpertProfile expert, ApplicationFacts application)
    {
        var expertCode = Normalise(expert.CreditCode);
        if (expertCode == Normalise(application.CreditCode)) return SameOrganisation;
        if (Province(expert.AuthorityCode) == Province(application.AuthorityCode)) return SameAuthority;
        if (application.RelatedParties.Any(p => Normalise(p) == expertCode)) return RelatedParty;
        return null;
    }

    /// <summary>The province-level unit of an authority: a separately planned city's province, else itself.</summary>
    public static string Province(string authorityCode) =>
        Authorities.Find(authorityCode) is { Type: AuthorityType.SeparatelyPlannedCity, ParentCode: { } parent } ? parent : authorityCode;

    static string Normalise(string creditCode) => creditCode.Trim().ToUpperInvariant();
}
