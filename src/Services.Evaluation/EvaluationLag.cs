namespace ServiceManufacturing.Services.Evaluation;

/// <summary>Where Evaluation's answers lag behind Registration (they talk through the message relay): said in the documents.</summary>
static class EvaluationLag
{
    public const string CampaignArrives =
        "批次开启后须经消息中继送达评估服务；在此之前答 409 campaign-not-yet-known，带 Retry-After（秒）。 / A campaign reaches " +
        "Evaluation through the message relay after it opens; until then the answer is 409 campaign-not-yet-known with Retry-After (seconds).";
}
