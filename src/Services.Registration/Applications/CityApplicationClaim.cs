namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// A separately planned city files one city application per campaign. The claim is written in the same transaction
/// as the submission; its id is unique, so two city applications submitted at the same moment cannot both succeed.
/// </summary>
public sealed record CityApplicationClaim(string Id, Guid ApplicationId)
{
    public static string IdFor(Guid campaignId, string authorityCode) => $"{campaignId}:{authorityCode}";
}
