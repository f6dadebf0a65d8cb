#!/usr/bin/env bash
# Runs the embedded Kafka cluster and Schema Registry as a process of their own, on fixed loopback ports,
# until Ctrl-C or SIGTERM: Kafka on 127.0.0.1:9092, the registry on http://127.0.0.1:8081, the control
# endpoint (brokers down/up, topic creation) on http://127.0.0.1:9644. Arguments: --kafka-port, --registry-port,
# --control-port, --brokers (or BROKER_KAFKA_PORT, BROKER_REGISTRY_PORT, BROKER_CONTROL_PORT, BROKER_COUNT).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/src/DebateEvents.Broker" -c Release -v quiet -nologo >&2
# The built program itself, not `dotnet run`: signals then reach the broker directly.
exec dotnet "$root/src/DebateEvents.Broker/bin/Release/net10.0/DebateEvents.Broker.dll" "$@"
