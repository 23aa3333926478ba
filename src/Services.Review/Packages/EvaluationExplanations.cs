using Marten;
using MassTransit;
using ServiceManufacturing.Contracts;
using ServiceManufacturing.ServiceDefaults.EventStore;

namespace ServiceManufacturing.Services.Review.Packages;

/// <summary>Evaluation told Review of an authority's written explanation for a demonstration that cannot file.</summary>
public sealed record EvaluationExplanationReceived(Guid Id, EvaluationExplanationFiled Explanation, DateTimeOffset At);

/// <summary>
/// An explanation that travels with the authority's package of its campaign (情况说明随第五批推荐材料报送): the ministry
/// sees it with the package. One per demonstration and campaign; a later explanation replaces an earlier one.
/// </summary>
/// <param name="Id">编号 / Its id.</param>
/// <param name="CampaignId">批次 / The campaign.</param>
/// <param name="AuthorityCode">推荐单位代码 / The authority.</param>
/// <param name="DemonstrationId">示范 / The demonstration.</param>
/// <param name="Batch">示范所属批次 / The demonstration's batch.</param>
/// <param name="Name">示范名称 / The demonstration's name.</param>
/// <param name="CreditCode">统一社会信用代码 / Its credit code.</param>
/// <param name="Status">经营状态 / Its business status.</param>
/// <param name="StatusDate">状态发生日期 / Since when.</param>
/// <param name="Reason">情况说明 / The explanation.</param>
/// <param name="DocumentSha256">证明材料的 SHA-256（材料存于评估服务） / The supporting document's SHA-256 (kept by Evaluation).</param>
/// <param name="FiledAt">说明时间 / When it was filed.</param>
/// <param name="DocumentId">证明材料编号（评估服务） / The supporting document's id (kept by Evaluation).</param>
/// <param name="DocumentUrl">证明材料下载地址（经网关，评估服务） / Where to download the supporting document (through the gateway, from Evaluation).</param>
/// <param name="FiledAfterSubmission">在推荐材料报送之后提交（迟交，仍送达部里） / Filed after the package was submitted (late; it still reaches the ministry).</param>
public sealed record EvaluationExplanation(Guid Id, Guid CampaignId, string AuthorityCode, Guid DemonstrationId, int Batch, string Name,
    string? CreditCode, BusinessStatus Status, DateOnly StatusDate, string Reason, string DocumentSha256, DateTimeOffset FiledAt,
    Guid? DocumentId = null, string? DocumentUrl = null, bool FiledAfterSubmission = false)
{
    /// <summary>
    /// Marked late when the package stands submitted (or acknowledged) and the explanation came after that submission; a
    /// returned package travels again with it, so it is no longer late then.
    /// </summary>
    public EvaluationExplanation AsSeenWith(RecommendationPackage? package) =>
        this with { FiledAfterSubmission = package is { Frozen: true, SubmittedAt: { } submitted } && FiledAt > submitted };

    public static Guid IdFor(Guid campaignId, Guid demonstrationId) => StreamIds.For("evaluation-explanation", campaignId.ToString(), demonstrationId.ToString());

    public static EvaluationExplanation Create(EvaluationExplanationReceived e) => From(e);

    public EvaluationExplanation Apply(EvaluationExplanationReceived e) => From(e);

    static EvaluationExplanation From(EvaluationExplanationReceived e) => new(e.Id, e.Explanation.CampaignId, e.Explanation.AuthorityCode,
        e.Explanation.DemonstrationId, e.Explanation.Batch, e.Explanation.Name, e.Explanation.CreditCode, e.Explanation.Status,
        e.Explanation.StatusDate, e.Explanation.Reason, e.Explanation.DocumentSha256, e.Explanation.FiledAt, e.Explanation.DocumentId,
        e.Explanation.DocumentPath);
}

/// <summary>Keeps the explanations Evaluation publishes (each message once: the consumers' rule; an older one never replaces a newer).</summary>
public sealed class EvaluationExplanationConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<EvaluationExplanationFiled>
{
    public Task Consume(ConsumeContext<EvaluationExplanationFiled> context)
    {
        var m = context.Message;
        var id = EvaluationExplanation.IdFor(m.CampaignId, m.DemonstrationId);
        return session.ApplyOnceAsync<EvaluationExplanation>(context, id,
            state => state is not null && state.FiledAt >= m.FiledAt ? [] : [new EvaluationExplanationReceived(id, m, clock.GetUtcNow())]);
    }
}
