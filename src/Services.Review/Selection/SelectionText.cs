using System.Text.RegularExpressions;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.Services.Review.Selection;

/// <summary>
/// The limits of what people write into the notice's objections and the ministry's decisions: lengths, and a telephone
/// number an officer can dial. A breach names its field (422 <see cref="SelectionRules.TextInvalid"/>).
/// </summary>
public static partial class SelectionText
{
    public const int NameLength = 50, GroundsLength = 2000, OutcomeLength = 2000, ReasonLength = 1000;

    /// <summary>Digits, optionally a leading +, with spaces or hyphens between: 0755-88880000, 13800000000, +86 10 6820 0000.</summary>
    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,19}$")]
    public static partial Regex PhonePattern();

    public static void Check(params (string Field, string? Value, int MaxLength)[] fields)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, max) in fields)
            if (value is not null && value.Trim().Length > max)
                errors[field] = [$"不能超过 {max} 个字符。 / At most {max} characters."];
        Throw(errors);
    }

    public static void CheckPhone(string field, string phone)
    {
        if (!PhonePattern().IsMatch(phone.Trim()))
            Throw(new Dictionary<string, string[]> { [field] = ["请填写有效的电话号码（数字，可含区号连字符）。 / Give a valid telephone number (digits, with hyphens or spaces)."] });
    }

    static void Throw(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0) throw new RuleViolation(SelectionRules.TextInvalid, string.Join("、", errors.Keys), errors);
    }
}
