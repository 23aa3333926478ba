namespace ServiceManufacturing.Contracts;

/// <summary>
/// One authority's deadline: the campaign's day, unless the ministry granted that authority a later one. Exceptions only
/// ever move a deadline later (the later exception wins, whichever order they were heard in); an earlier one changes
/// nothing. The day ends as <see cref="ChinaTime"/> says.
/// </summary>
public static class AuthorityDeadline
{
    /// <summary>The last day: the latest of the campaign's day and every exception granted.</summary>
    public static DateOnly For(DateOnly campaignDay, IEnumerable<DateOnly> exceptions) => exceptions.Append(campaignDay).Max();

    /// <summary>The last day, given the authority's exception if it has one.</summary>
    public static DateOnly For(DateOnly campaignDay, DateOnly? exception) =>
        exception is { } until && until > campaignDay ? until : campaignDay;

    /// <summary>The last day of <paramref name="authorityCode"/>, given the exceptions by authority.</summary>
    public static DateOnly For(DateOnly campaignDay, IReadOnlyDictionary<string, DateOnly> exceptions, string authorityCode) =>
        For(campaignDay, exceptions.TryGetValue(authorityCode, out var until) ? until : null);

    /// <summary>Whether <paramref name="at"/> is past the authority's deadline (end of its last day, China Standard Time).</summary>
    public static bool IsPast(DateOnly campaignDay, IReadOnlyDictionary<string, DateOnly> exceptions, string authorityCode, DateTimeOffset at) =>
        ChinaTime.IsPast(For(campaignDay, exceptions, authorityCode), at);
}
