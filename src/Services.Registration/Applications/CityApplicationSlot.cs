using ServiceManufacturing.Contracts;
using ServiceManufacturing.Contracts.Reference;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>A separately planned city's one city application of the campaign is <paramref name="ApplicationId"/>.</summary>
public sealed record CityApplicationSlotTaken(Guid SlotId, Guid CampaignId, string AuthorityCode, Guid ApplicationId, DateTimeOffset At);

/// <summary>The application holding the slot was withdrawn: the city may submit another.</summary>
public sealed record CityApplicationSlotFreed(Guid SlotId, Guid ApplicationId, DateTimeOffset At);

/// <summary>
/// A separately planned city files one city application per campaign: the slot is a stream of its own (one per campaign
/// and authority), written in the same write as the submission or withdrawal that takes or frees it, so two city
/// applications submitted at the same moment are decided one after the other.
/// </summary>
public sealed record CityApplicationSlot(Guid Id, Guid? HeldBy)
{
    public static Guid IdFor(Guid campaignId, string authorityCode) => StreamIds.For("city-application-slot", campaignId.ToString(), authorityCode);

    /// <summary>Whether an application of <paramref name="category"/> through <paramref name="authorityCode"/> takes the authority's slot.</summary>
    public static bool Applies(ApplicationCategory category, string authorityCode) =>
        category == ApplicationCategory.City && Authorities.Find(authorityCode)?.Type == AuthorityType.SeparatelyPlannedCity;

    public static CityApplicationSlot Create(CityApplicationSlotTaken e) => new(e.SlotId, e.ApplicationId);

    public CityApplicationSlot Apply(CityApplicationSlotTaken e) => this with { HeldBy = e.ApplicationId };

    public CityApplicationSlot Apply(CityApplicationSlotFreed e) => this with { HeldBy = null };
}
