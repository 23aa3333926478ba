namespace ServiceManufacturing.Services.Review;

/// <summary>Where Review's answers lag behind Registration (they talk through the message relay): said in the documents.</summary>
static class ReviewLag
{
    public const string CaseOpens =
        "审核案卷在申报提交后经消息中继送达时建立，通常在一秒内；在此之前查询答 404 review-case-not-found，可稍后重试。 / " +
        "A review case is opened when the applicant's submission reaches Review through the message relay, usually within a " +
        "second of the submission: until then it answers 404 review-case-not-found (and a list leaves the case out); try again shortly.";

    public const string ApplicantSees =
        "申报单位看到的状态（GET /api/v1/applications/{id}）在此决定经消息中继送达后才更新。 / The applicant's status " +
        "(GET /api/v1/applications/{id}) follows this decision once it reaches Registration through the message relay, usually within a second.";

    public const string CampaignArrives =
        "批次开启后须经消息中继送达本服务；在此之前答 409 campaign-not-yet-known，带 Retry-After（秒）。 / A campaign reaches " +
        "Review through the message relay after it opens; until then the answer is 409 campaign-not-yet-known with Retry-After (seconds).";

    public const string StampedFormArrives =
        "申报单位上传的盖章申报书经消息中继送达本服务（审核案卷的 stampedFormSha256）之前，推荐答 409 not-recommendable，可稍后重试。 / " +
        "The applicant's stamped form reaches Review through the message relay (the review case's stampedFormSha256): until " +
        "then recommending the application answers 409 not-recommendable; try again shortly.";
}
