using DebateEvents.Embedded;
using Microsoft.AspNetCore.Http;

namespace DebateEvents.Broker;

/// <summary>Takes brokers down and up and remembers which are down, since the mock cluster does not say.</summary>
internal sealed class BrokerStates(EmbeddedKafkaCluster cluster, IReadOnlyList<string> addresses)
{
    private readonly Lock _gate = new();
    private readonly bool[] _up = [.. Enumerable.Repeat(true, cluster.Brokers)];

    public IEnumerable<object> Describe()
    {
        lock (_gate)
        {
            return [.. addresses.Select((address, i) => new { id = i + 1, address, up = _up[i] })];
        }
    }

    public IResult Set(IEnumerable<int> brokers, string state)
    {
        if (state is not ("down" or "up"))
        {
            return Results.NotFound(new { error = $"'{state}' is neither down nor up" });
        }

        lock (_gate)
        {
            foreach (var broker in brokers)
            {
                if (state == "down")
                {
                    cluster.SetBrokerDown(broker);
                }
                else
                {
                    cluster.SetBrokerUp(broker);
                }

                _up[broker - 1] = state == "up";
            }
        }

        return Results.Ok(Describe());
    }
}
