using Marten;

namespace ServiceManufacturing.Tests.TestSupport;

/// <summary>
/// Two writers of the same streams at once, made to meet: each one's first decision waits for the other's, so both
/// decide on the streams as they were before either appended (for a stream not yet written, both make its first write)
/// and exactly one of them loses the race at saving. Its later decisions (the write path deciding again) pass freely.
/// </summary>
public sealed class FirstWriteRace
{
    readonly CountdownEvent meeting = new(2);
    readonly bool[] met = new bool[2];

    /// <summary>Called by writer <paramref name="writer"/> (0 or 1) as it decides: the first time, it waits for the other.</summary>
    public void Meet(int writer)
    {
        if (met[writer]) return;
        met[writer] = true;
        meeting.Signal();
        if (!meeting.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("The other writer never decided.");
    }

    /// <summary>Runs <paramref name="write"/> as writers 0 and 1 at once, each in a session of its own: what each threw, or null.</summary>
    public static async Task<Exception?[]> RunAsync(IDocumentStore store, Func<IDocumentSession, FirstWriteRace, int, Task> write)
    {
        var race = new FirstWriteRace();
        return await Task.WhenAll(Enumerable.Range(0, 2).Select(writer => Task.Run(async () =>
        {
            await using var session = store.LightweightSession();
            try
            {
                await write(session, race, writer);
                return null;
            }
            catch (Exception e)
            {
                return (Exception?)e;
            }
        })));
    }
}
