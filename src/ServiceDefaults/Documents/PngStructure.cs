using System.Buffers.Binary;
using System.IO.Compression;

namespace ServiceManufacturing.ServiceDefaults.Documents;

/// <summary>
/// Reads a PNG as a decoder does, without keeping its pixels (SkiaSharp decodes PNGs only whole, into one buffer):
/// every chunk's CRC holds, IHDR comes first and IEND last, and the image data inflates to exactly the bytes its
/// rows need (a truncated, corrupt or inflating-forever file fails; the inflating stops at the expected size).
/// </summary>
static class PngStructure
{
    public static bool IsWhole(Stream file, int width, int height)
    {
        file.Position = 8; // after the signature
        Span<byte> header = stackalloc byte[8];
        Span<byte> crc = stackalloc byte[4];
        long expected = 0;
        var data = new IdatStream();
        var first = true;
        while (true)
        {
            if (file.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8) return false;
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = header[4..8].ToArray();
            if (length > int.MaxValue || length > file.Length - file.Position - 4) return false;
            var body = new byte[length];
            file.ReadExactly(body);
            if (file.ReadAtLeast(crc, 4, throwOnEndOfStream: false) < 4) return false;
            if (BinaryPrimitives.ReadUInt32BigEndian(crc) != Crc32([.. type, .. body])) return false;
            var name = System.Text.Encoding.ASCII.GetString(type);
            if (first != (name == "IHDR")) return false;
            first = false;
            switch (name)
            {
                case "IHDR":
                    expected = RawSize(width, height, bitDepth: body[8], colorType: body[9], interlaced: body[12] == 1);
                    if (expected <= 0) return false;
                    break;
                case "IDAT":
                    data.Add(body);
                    break;
                case "IEND":
                    return Inflates(data, expected);
            }
        }
    }

    static bool Inflates(IdatStream data, long expected)
    {
        try
        {
            using var zlib = new ZLibStream(data, CompressionMode.Decompress);
            var sink = new byte[81920];
            long total = 0;
            for (int read; (read = zlib.Read(sink)) > 0;)
                if ((total += read) > expected) return false;
            return total == expected;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The filtered image data's size: a filter byte and the packed samples per row, per Adam7 pass if interlaced.</summary>
    static long RawSize(int width, int height, int bitDepth, int colorType, bool interlaced)
    {
        int samples = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (samples == 0 || bitDepth is not (1 or 2 or 4 or 8 or 16)) return -1;
        long Rows(long w, long h) => w == 0 || h == 0 ? 0 : h * (1 + (w * samples * bitDepth + 7) / 8);
        if (!interlaced) return Rows(width, height);
        (int x0, int y0, int dx, int dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        return passes.Sum(p => Rows((width - p.x0 + p.dx - 1) / p.dx, (height - p.y0 + p.dy - 1) / p.dy));
    }

    static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The IDAT chunks' bodies read as one stream.</summary>
    sealed class IdatStream : Stream
    {
        readonly Queue<byte[]> chunks = new();
        int offset;

        public void Add(byte[] chunk) => chunks.Enqueue(chunk);

        public override int Read(byte[] buffer, int start, int count)
        {
            while (chunks.TryPeek(out var chunk) && offset == chunk.Length) { chunks.Dequeue(); offset = 0; }
            if (!chunks.TryPeek(out var current)) return 0;
            var n = Math.Min(count, current.Length - offset);
            Array.Copy(current, offset, buffer, start, n);
            offset += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long o, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int start, int count) => throw new NotSupportedException();
    }
}
