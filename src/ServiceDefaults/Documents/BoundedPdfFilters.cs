using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>
/// PdfPig's stream filters with a budget: one document may decompress at most <see cref="MaxDecodedBytes"/> in all.
/// A Flate stream is first inflated into nothing, counting, and refused past the budget before PdfPig inflates it for
/// real; filters that can expand without such a check (LZW, run length) are refused: a zip bomb costs a few
/// megabytes of reading, never gigabytes of memory.
/// </summary>
sealed class BoundedPdfFilters : IFilterProvider
{
    public const long MaxDecodedBytes = 64 * 1024 * 1024;

    long spent;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) =>
        [.. DefaultFilterProvider.Instance.GetFilters(dictionary).Select(Bound)];

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) =>
        [.. DefaultFilterProvider.Instance.GetNamedFilters(names).Select(Bound)];

    public IReadOnlyList<IFilter> GetAllFilters() => [.. DefaultFilterProvider.Instance.GetAllFilters().Select(Bound)];

    IFilter Bound(IFilter filter) => new BoundedFilter(filter, this);

    void Spend(long bytes)
    {
        spent += bytes;
        if (spent > MaxDecodedBytes) throw new InvalidDataException("The PDF decompresses to more than the scan budget.");
    }

    /// <summary>How many bytes a zlib stream inflates to, stopping (and refusing) at what is left of the budget.</summary>
    long Inflated(ReadOnlyMemory<byte> input)
    {
        using var zlib = new ZLibStream(new MemoryStream(input.ToArray(), writable: false), CompressionMode.Decompress);
        var sink = new byte[81920];
        long total = 0;
        for (int read; (read = zlib.Read(sink)) > 0;)
        {
            total += read;
            if (spent + total > MaxDecodedBytes) throw new InvalidDataException("The PDF decompresses to more than the scan budget.");
        }
        return total;
    }

    sealed class BoundedFilter(IFilter inner, BoundedPdfFilters budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            switch (inner)
            {
                case FlateFilter:
                    budget.Inflated(input);
                    break;
                case LzwFilter or RunLengthFilter:
                    throw new InvalidDataException("LZW and run-length streams are not accepted in a scan's structure.");
            }
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Spend(output.Length);
            return output;
        }
    }
}
