using Zamaz.Debate.Events;

namespace DebateEvents.Host.Http;

/// <summary>Domain rules the schemas cannot express; each broken rule names its field.</summary>
public static class DomainRules
{
    /// <summary>Broken rules of <paramref name="message"/>, keyed by the JSON field name.</summary>
    public static Dictionary<string, string[]> Check(object message)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Require(bool holds, string field, string rule)
        {
            if (!holds)
            {
                errors[field] = [rule];
            }
        }

        switch (message)
        {
            case DebateInitiated e:
                Require(e.Participants.Count >= 2, "participants", "A debate needs at least two participants.");
                Require(e.RoundsPlanned >= 1, "roundsPlanned", "A debate plans at least one round.");
                Require(!string.IsNullOrWhiteSpace(e.Question), "question", "The question must not be empty.");
                break;
            case ArgumentSubmitted e:
                Require(e.Round >= 1, "round", "Rounds are counted from 1.");
                Require(e.Confidence is null or (>= 0 and <= 1), "confidence", "Confidence lies between 0 and 1.");
                break;
            case DebateCompleted e:
                Require(e.DurationMs >= 0, "durationMs", "A duration cannot be negative.");
                break;
            case DecisionMade e:
                Require(e.Confidence is >= 0 and <= 1, "confidence", "Confidence lies between 0 and 1.");
                Require(decimal.Round(e.Confidence, 4) == e.Confidence, "confidence", "Confidence has at most 4 decimal places.");
                break;
            case MetricRecorded e:
                Require(!string.IsNullOrWhiteSpace(e.Name), "name", "A metric needs a name.");
                Require(double.IsFinite(e.Value), "value", "A metric value must be a finite number.");
                break;
        }

        return errors;
    }
}
