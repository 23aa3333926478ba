namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>Where an application's status lags the review service's decisions: said in the documents.</summary>
static class StatusLag
{
    public const string ReviewStages =
        "初审、推荐、报送等评审阶段由审核服务经消息中继告知，状态可能比审核人员的决定晚约一秒。 / Review stages (initial " +
        "review, recommendation, submission to the ministry) arrive from the review service through the message relay: " +
        "the status may lag an officer's decision by about a second.";

    public const string PassReachesRegistration =
        "审核人员的初审通过经消息中继送达本服务之前，上传盖章申报书答 409 stamped-form-after-passing，可稍后重试。 / The officer's " +
        "pass reaches Registration through the message relay: until then uploading the stamped form answers 409 stamped-form-after-passing; try again shortly.";

    public const string VerificationReachesRegistration =
        "组织核验（部里批准绑定）由身份服务经消息中继告知本服务；在此之前提交答 403 organisation-not-verified，可稍后重试。 / " +
        "The binding approval (organisation verification) reaches Registration from Identity through the message relay: until then " +
        "submitting answers 403 organisation-not-verified; try again shortly.";
}
