using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Writes records with a plain Confluent producer, for records our producer would never build.</summary>
internal static class RawRecords
{
    public static async Task<DeliveryResult<byte[]?, byte[]>> Produce(string bootstrap, string topic, string key, string body, string? ceType)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        var headers = new Headers
        {
            { CloudEventHeaders.Id, Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("D")) },
            { CloudEventHeaders.ContentType, Encoding.UTF8.GetBytes("application/json") },
        };
        if (ceType is not null)
        {
            headers.Add(CloudEventHeaders.Type, Encoding.UTF8.GetBytes(ceType));
        }

        return await producer.ProduceAsync(topic, new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(key),
            Value = Encoding.UTF8.GetBytes(body),
            Headers = headers,
        });
    }
}
