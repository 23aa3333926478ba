using ServiceManufacturing.ServiceDefaults.Identity;

namespace ServiceManufacturing.ServiceDefaults.Audit;

/// <summary>
/// What the auditors' history says of one stored event: a summary in Chinese and English, and what it is about. An event
/// that names no application concerns every application its stream has concerned before (a ranked list's submission
/// concerns the applications on that list).
/// </summary>
/// <param name="Zh">The summary in Chinese.</param>
/// <param name="En">The summary in English.</param>
public sealed record HistoryNote(string Zh, string En)
{
    /// <summary>The applications the event is about.</summary>
    public IReadOnlyList<Guid> Applications { get; init; } = [];

    /// <summary>The recommending authority (GB/T 2260 code) the event is about, if any.</summary>
    public string? Authority { get; init; }

    /// <summary>
    /// Another stream the event is about, when its own stream names no application (a filing, about a demonstration): the
    /// event, and its stream's other events, concern the applications that stream concerned.
    /// </summary>
    public Guid? AboutStream { get; init; }

    /// <summary>The account (token subject) the event is about, if any: a sign-in, a binding, a read by that user.</summary>
    public string? Account { get; init; }
}

/// <summary>
/// The one place where each event type of a service gets its <see cref="HistoryNote"/>. Each feature describes its own
/// events in a <c>…History.cs</c> beside its events file; a test fails for any event type the store knows that has none.
/// </summary>
public sealed class EventHistory
{
    readonly Dictionary<Type, Func<object, HistoryNote>> notes = [];

    public EventHistory()
    {
        Describe<AccessDenied>(e => new($"拒绝访问：{e.Method} {e.Path}（{e.Reason}）", $"Access refused: {e.Method} {e.Path} ({e.Reason})")
            { Account = e.Subject });
        Describe<AuditorRead>(e => new($"审计查阅：{e.Method} {e.Path}", $"Auditor read: {e.Method} {e.Path}") { Account = e.Subject });
        Describe<AuditTrailRead>(e => new($"查阅审计记录：{e.What}", $"Audit trail read: {e.What}")
            { Account = e.Subject, Applications = e.Application is { } id ? [id] : [] });
        Describe<EventDataMasked>(e => new($"遮蔽事件 {e.Sequence} 中的个人信息（{string.Join("、", e.Fields)}）：{e.Reason}；原数据摘要 {e.OriginalDigest}",
            $"Personal data masked in event {e.Sequence} ({string.Join(", ", e.Fields)}): {e.Reason}; original data digest {e.OriginalDigest}")
            { Account = e.Subject, Applications = e.Applications });
    }

    /// <summary>Says what the history shows for events of type <typeparamref name="T"/>.</summary>
    public EventHistory Describe<T>(Func<T, HistoryNote> note) where T : notnull
    {
        notes[typeof(T)] = data => note((T)data);
        return this;
    }

    /// <summary>The event types described.</summary>
    public IReadOnlyCollection<Type> Described => notes.Keys;

    /// <summary>Whether events of <paramref name="type"/> have their note.</summary>
    public bool Describes(Type type) => notes.ContainsKey(type);

    /// <summary>The note of <paramref name="data"/>; an event type no one described is named as it is stored.</summary>
    public HistoryNote NoteOf(object data, string storedTypeName) =>
        notes.TryGetValue(data.GetType(), out var note)
            ? note(data)
            : new($"（未说明的事件）{storedTypeName}", $"(undescribed event) {storedTypeName}");
}
