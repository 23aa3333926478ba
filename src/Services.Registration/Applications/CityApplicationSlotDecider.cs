namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// Decides a separately planned city's submission and withdrawal over two streams: the application and its
/// authority's city-application slot.
/// </summary>
public static class CityApplicationSlotDecider
{
    /// <summary>Submitting takes the slot, unless another application holds it (then the one-city rule refuses).</summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(SubmitApplication command, Application? application, CityApplicationSlot? slot,
        DateTimeOffset now)
    {
        var heldByAnother = slot?.HeldBy is { } holder && holder != command.ApplicationId;
        var submitted = ApplicationDecider.Decide(command with { AuthorityHasCityApplication = heldByAnother }, application, now);
        var slotId = CityApplicationSlot.IdFor(application!.CampaignId, application.AuthorityCode);
        return new Dictionary<Guid, object[]>
        {
            [command.ApplicationId] = submitted,
            [slotId] = submitted.Length == 0 || slot?.HeldBy == command.ApplicationId ? []
                : [new CityApplicationSlotTaken(slotId, application.CampaignId, application.AuthorityCode, command.ApplicationId, now)],
        };
    }

    /// <summary>Withdrawing the application that holds the slot frees it.</summary>
    public static IReadOnlyDictionary<Guid, object[]> Decide(WithdrawApplication command, Application? application, CityApplicationSlot? slot,
        DateTimeOffset now)
    {
        var withdrawn = ApplicationDecider.Decide(command, application, now);
        var slotId = CityApplicationSlot.IdFor(application!.CampaignId, application.AuthorityCode);
        return new Dictionary<Guid, object[]>
        {
            [command.ApplicationId] = withdrawn,
            [slotId] = slot?.HeldBy == command.ApplicationId ? [new CityApplicationSlotFreed(slotId, command.ApplicationId, now)] : [],
        };
    }
}
