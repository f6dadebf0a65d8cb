using System.Reflection;
using System.Runtime.InteropServices;

namespace DebateEvents.Embedded.Native;

/// <summary>
/// Resolves our "librdkafka" imports to the file Confluent.Kafka loads. On Linux Confluent.Kafka
/// tries <c>librdkafka</c> first and falls back to <c>centos8-librdkafka</c> (the official
/// <c>librdkafka.so</c> links <c>libsasl2.so.3</c>, which Debian 12 lacks); trying the same names in
/// the same order loads the same file, so the process holds one copy of the library.
/// </summary>
internal static class LibrdkafkaResolver
{
    /// <summary>The library names tried, in Confluent.Kafka's order.</summary>
    internal static readonly string[] Candidates = ["librdkafka", "centos8-librdkafka", "alpine-librdkafka"];

    private static int _registered;

    /// <summary>The name that loaded last, for tests and diagnostics; null before the first load.</summary>
    internal static string? LoadedName { get; private set; }

    /// <summary>Registers the resolver for this assembly once.</summary>
    internal static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaResolver).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Candidates[0])
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                LoadedName = candidate;
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
