namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>Every order in which a consumer could receive a set of messages.</summary>
public static class Arrivals
{
    public static IEnumerable<IReadOnlyList<T>> InEveryOrder<T>(IReadOnlyList<T> messages) =>
        messages.Count <= 1 ? [messages]
        : messages.SelectMany((first, i) => InEveryOrder(messages.Where((_, j) => j != i).ToList()).Select(rest => (IReadOnlyList<T>)[first, .. rest]));
}
