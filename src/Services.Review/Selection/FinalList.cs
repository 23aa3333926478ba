using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;
using ServiceManufacturing.ServiceDefaults.Http.OpenApi;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>最终名单中的一项 / One demonstration on the final list.</summary>
/// <param name="ApplicationId">申报编号 / The application.</param>
/// <param name="Category">类别 / The category.</param>
/// <param name="Class">平台或城市类别 / The platform or city class.</param>
/// <param name="ServiceMode">服务型制造模式 / The service mode.</param>
/// <param name="OrganisationName">单位（城市）名称 / The organisation or city.</param>
/// <param name="CreditCode">统一社会信用代码 / Its unified social credit code.</param>
/// <param name="AuthorityCode">推荐单位代码 / The recommending authority.</param>
/// <param name="SelectedAt">入选时间 / When it was selected.</param>
public sealed record FinalListEntry(Guid ApplicationId, ApplicationCategory Category,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.Classes))] string? Class,
    [property: OneOf(typeof(SubmissionValues), nameof(SubmissionValues.ServiceModes))] string? ServiceMode,
    string OrganisationName, string CreditCode, string AuthorityCode, DateTimeOffset SelectedAt);

/// <summary>A campaign's final list of selected demonstrations, in the order selected (stream id: <see cref="IdFor"/>).</summary>
public sealed record FinalList(Guid Id, Guid CampaignId, int Year, int Batch, IReadOnlyList<FinalListEntry> Entries)
{
    public long Version { get; set; }

    public static Guid IdFor(Guid campaignId) => StreamIds.For("final-list", campaignId.ToString());

    public static FinalList Create(DemonstrationAddedToFinalList e) => new(IdFor(e.CampaignId), e.CampaignId, e.Year, e.Batch, [Entry(e)]);

    public FinalList Apply(DemonstrationAddedToFinalList e) => this with { Entries = [.. Entries, Entry(e)] };

    static FinalListEntry Entry(DemonstrationAddedToFinalList e) =>
        new(e.ApplicationId, e.Category, e.Class, e.ServiceMode, e.OrganisationName, e.CreditCode, e.AuthorityCode, e.At);
}
