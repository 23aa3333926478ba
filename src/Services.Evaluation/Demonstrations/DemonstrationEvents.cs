using ServiceManufacturing.Contracts;

namespace ServiceManufacturing.Services.Evaluation.Demonstrations;

/// <summary>
/// A demonstration joined the roster that files evaluation material: one of batches 1-4 (entered or imported by the
/// ministry) or a later one selected by the ministry (<see cref="ApplicationId"/> is then its application).
/// <see cref="CreditCode"/> is null for a city, which is known by its name and authority. <see cref="Mode"/> is the
/// service mode (enterprise, platform) or the city class; <see cref="Year"/> the year it was selected.
/// </summary>
public sealed record DemonstrationEnrolled(
    Guid DemonstrationId,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    DateTimeOffset EnrolledAt,
    int? Year = null,
    string? Mode = null,
    Guid? ApplicationId = null);

/// <summary>The ministry corrected a roster entry (by hand or by importing a corrected row); the record holds it as it now stands.</summary>
public sealed record DemonstrationCorrected(
    Guid DemonstrationId,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    int? Year,
    string? Mode,
    string CorrectedBy,
    DateTimeOffset At);

/// <summary>The ministry's outcome of the demonstration's evaluation, with the roster entry it is about.</summary>
public sealed record DemonstrationOutcomeRecorded(
    Guid DemonstrationId,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    EvaluationOutcome Outcome,
    string Reasons,
    DateOnly? RectificationDue,
    string EvaluatedBy,
    DateTimeOffset At);

/// <summary>
/// The ministry withdrew a roster entry made in error (a wrong batch, category or credit code, which no correction
/// changes): it leaves the roster, files nothing and no longer counts anywhere. The record holds the entry as it stood.
/// </summary>
public sealed record DemonstrationWithdrawn(
    Guid DemonstrationId,
    int Batch,
    DemonstrationCategory Category,
    string Name,
    string? CreditCode,
    string AuthorityCode,
    string Reason,
    string WithdrawnBy,
    DateTimeOffset At);
