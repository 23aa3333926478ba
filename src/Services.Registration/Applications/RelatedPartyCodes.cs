namespace ServiceManufacturing.Services.Registration.Applications;

/// <summary>
/// The related parties an applicant lists (关联单位, by unified social credit code): at most <see cref="Max"/>, each a valid
/// code. Review keeps them so that no expert of a related party reviews the application.
/// </summary>
public static class RelatedPartyCodes
{
    public const int Max = 50;

    public static Dictionary<string, string[]> Invalid(ApplicationForm form)
    {
        var errors = new Dictionary<string, string[]>();
        var codes = form.RelatedParties ?? [];
        if (codes.Count > Max)
            errors["relatedParties"] = [$"关联单位至多 {Max} 个。 / At most {Max} related parties."];
        foreach (var (code, i) in codes.Select((code, i) => (code, i)))
            if (Contracts.Reference.CreditCode.Problem(code) is { } problem) errors[$"relatedParties[{i}]"] = [problem];
        return errors;
    }
}
