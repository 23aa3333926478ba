namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>Where an application's status lags the review service's decisions: said in the documents.</summary>
static class StatusLag
{
    public const string ReviewStages =
        "初审、推荐、报送等评审阶段由审核服务经消息中继告知，状态可能比审核人员的决定晚约一秒。 / Review stages (initial " +
        "review, recommendation, submission to the ministry) arrive from the review service through the message relay: " +
        "the status may lag an officer's decision by about a second.";
}
