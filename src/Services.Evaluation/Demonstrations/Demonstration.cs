using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>What the deciders need to know of a demonstration on the roster.</summary>
public sealed record Demonstration(
    Guid Id, int Batch, DemonstrationCategory Category, string Name, string? CreditCode, string AuthorityCode, int? Year, string? Mode,
    EvaluationOutcome? Outcome = null, bool Withdrawn = false)
{
    /// <summary>
    /// The stream of a demonstration, named by its natural key, so that the same row imported twice (or a selection
    /// delivered twice) is the same demonstration: batch and credit code, or, without a code (a city), batch, authority and name.
    /// </summary>
    public static Guid IdFor(int batch, string? creditCode, string authorityCode, string name) => creditCode is { Length: > 0 }
        ? StreamIds.For("demonstration", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), creditCode)
        : StreamIds.For("demonstration", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), authorityCode, Normalise(name));

    /// <summary>"青岛市", "青岛" and " 青岛市 " name one city.</summary>
    public static string Normalise(string name) => name.Replace(" ", "").Replace("　", "").TrimEnd('市');

    public static Demonstration Create(DemonstrationEnrolled e) =>
        new(e.DemonstrationId, e.Batch, e.Category, e.Name, e.CreditCode, e.AuthorityCode, e.Year, e.Mode);

    public Demonstration Apply(DemonstrationCorrected e) => this with
    {
        Batch = e.Batch, Category = e.Category, Name = e.Name, CreditCode = e.CreditCode, AuthorityCode = e.AuthorityCode, Year = e.Year, Mode = e.Mode,
    };

    public Demonstration Apply(DemonstrationOutcomeRecorded e) => this with { Outcome = e.Outcome };

    public Demonstration Apply(DemonstrationWithdrawn e) => this with { Withdrawn = true };
}
