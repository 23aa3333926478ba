using System.Text.Json.Nodes;
using ServiceManufacturing.ServiceDefaults.Http;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>What an operator asks to mask in one stored event, and why.</summary>
/// <param name="Fields">The personal fields to mask, as JSON paths of the event's data (e.g. <c>form.contact.phone</c>); each must hold text.</param>
/// <param name="Reason">Why (e.g. the person's request under the Personal Information Protection Law), kept with the record.</param>
public sealed record MaskEventData(IReadOnlyList<string> Fields, string Reason);

/// <summary>
/// Personal data of a stored event was masked, through the recorded operation: who, when, why, which event and fields, and
/// the digest of the data as it was written (with which the event's hash-chain link still verifies).
/// </summary>
/// <param name="Sequence">The masked event's global sequence number in the service's store.</param>
/// <param name="EventId">The masked event's id.</param>
/// <param name="StreamId">The masked event's stream.</param>
/// <param name="Fields">The fields masked.</param>
/// <param name="Reason">Why they were masked.</param>
/// <param name="OriginalDigest">The SHA-256 (hex) of the event's data as it was written.</param>
/// <param name="MaskedDigest">The SHA-256 (hex) of its data once masked.</param>
/// <param name="Subject">Who masked it (token subject).</param>
/// <param name="Role">Their role.</param>
/// <param name="At">When.</param>
/// <param name="Applications">The applications the masked event is about (its entry in the history), so the masking is in their timelines.</param>
public sealed record EventDataMasked(long Sequence, Guid EventId, Guid StreamId, IReadOnlyList<string> Fields, string Reason,
    string OriginalDigest, string MaskedDigest, string Subject,
    [property: Http.OpenApi.OneOf(typeof(Identity.PlatformRoles), nameof(Identity.PlatformRoles.All))] string Role,
    DateTimeOffset At, IReadOnlyList<Guid> Applications);

/// <summary>The rules of masking, pure: which fields of an event's data may be masked, and what they become.</summary>
public static class EventMasking
{
    /// <summary>What a masked field holds instead of the personal data.</summary>
    public const string Mask = "〔已遮蔽 / masked〕";

    public static readonly Rule ReasonRequired = Rule.Unprocessable("masking-reason-required",
        "遮蔽个人信息须说明理由。", "Masking personal data needs a reason.");
    public static readonly Rule FieldsRequired = Rule.Unprocessable("masking-fields-required",
        "请列出要遮蔽的字段。", "Name the fields to mask.");
    public static readonly Rule FieldNotText = Rule.Unprocessable("masking-field-not-text",
        "只能遮蔽事件数据中存在的文本字段。", "Only a text field present in the event's data can be masked.");
    public static readonly Rule EventNotFound = Rule.NotFound("masking-event-not-found",
        "本服务没有该事件。", "This service has no such event.");
    public static readonly Rule EventAltered = Rule.Conflict("masking-event-altered",
        "该事件已与其哈希链接不符（未经记录的改动），不能遮蔽；请先核查。",
        "The event no longer matches its hash-chain link (an unrecorded change); it cannot be masked until that is looked into.");
    public static readonly Rule LinkWithoutDigest = Rule.Conflict("masking-link-without-digest",
        "该事件写入于链接改为覆盖数据摘要之前，遮蔽后将无法校验，因此不能遮蔽。",
        "The event was linked before links covered a digest of its data; masked, it could no longer be verified, so it cannot be masked.");

    /// <summary>
    /// <paramref name="data"/> (an event's JSON) with each of <paramref name="command"/>'s fields replaced by <see cref="Mask"/>;
    /// throws <see cref="RuleViolation"/> without a reason, without fields, or for a field that is not text in the data.
    /// </summary>
    public static string Masked(string data, MaskEventData command)
    {
        if (string.IsNullOrWhiteSpace(command.Reason)) throw new RuleViolation(ReasonRequired);
        if (command.Fields is not { Count: > 0 }) throw new RuleViolation(FieldsRequired);
        var root = JsonNode.Parse(data)!;
        var absent = new List<string>();
        foreach (var field in command.Fields.Distinct())
        {
            if (string.IsNullOrWhiteSpace(field))
            {
                absent.Add(field ?? "");
                continue;
            }
            var path = field.Split('.');
            var parent = path[..^1].Aggregate((JsonNode?)root, (node, name) => node is JsonObject o ? o[name] : null);
            if (parent is JsonObject holder && holder[path[^1]] is JsonValue value && value.TryGetValue<string>(out _))
                holder[path[^1]] = Mask;
            else absent.Add(field);
        }
        if (absent.Count > 0)
            throw new RuleViolation(FieldNotText, string.Join(", ", absent),
                absent.Distinct().ToDictionary(f => f, f => new[] { $"{FieldNotText.Zh} / {FieldNotText.En}" }));
        return root.ToJsonString();
    }
}
