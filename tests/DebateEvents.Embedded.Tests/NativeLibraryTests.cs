using Confluent.Kafka;
using DebateEvents.Embedded.Native;

namespace DebateEvents.Embedded.Tests;

[Trait("Category", "Integration")]
public sealed class NativeLibraryTests
{
    [Fact]
    public void EmbeddedCluster_AndConfluentClient_ShareOneLibrdkafkaFile()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();

        var mapped = MappedLibrdkafkaFiles();

        var file = Assert.Single(mapped);
        Assert.Equal(LibrdkafkaResolver.LoadedName + ".so", Path.GetFileName(file));
    }

    [Fact]
    public void Resolver_PicksALibraryThisMachineCanLoad_InConfluentsOrder()
    {
        using var cluster = EmbeddedKafkaCluster.Start();

        var loaded = LibrdkafkaResolver.LoadedName;

        Assert.NotNull(loaded);
        Assert.Equal(["librdkafka", "centos8-librdkafka", "alpine-librdkafka"], LibrdkafkaResolver.Candidates);
        // The official librdkafka.so links libsasl2.so.3; where that is missing, the glibc-only build loads.
        var expected = File.Exists("/usr/lib/x86_64-linux-gnu/libsasl2.so.3") ? "librdkafka" : "centos8-librdkafka";
        Assert.Equal(expected, loaded);
        Assert.NotEqual(string.Empty, Library.VersionString);
    }

    private static string[] MappedLibrdkafkaFiles() =>
        File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 6 && parts[5].Contains("librdkafka", StringComparison.Ordinal))
            .Select(parts => parts[5])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
