namespace Rapport.Trust.Graph;

/// <summary>Turns a refresh's upserts and removals into one sorted, de-duplicated list of key changes.</summary>
internal static class EdgeChanges
{
    /// <summary>
    /// Validates the input, sorts it by (topic, from, to), keeps the last change of each key (removals count as after
    /// every upsert) and records where each key lives in <paramref name="old"/>. Statements of a person about
    /// themselves carry no trust and are dropped.
    /// </summary>
    internal static EdgeChange[] Collect(TrustSnapshot old, int nodeCount, ReadOnlySpan<StatementEdge> upserts, ReadOnlySpan<EdgeKey> removals)
    {
        var changes = GC.AllocateUninitializedArray<EdgeChange>(upserts.Length + removals.Length);
        var count = 0;
        for (var i = 0; i < upserts.Length; i++)
        {
            ref readonly var edge = ref upserts[i];
            Validate(edge, nodeCount, i);
            if (edge.From == edge.To)
            {
                continue;
            }

            changes[count++] = new EdgeChange
            {
                Topic = edge.Topic,
                From = edge.From,
                To = edge.To,
                Order = i,
                Value = edge.Value,
                Community = edge.Scope == EdgeScope.Community ? edge.Community : -1,
                Target = EdgeLayers.Of(edge),
            };
        }

        for (var i = 0; i < removals.Length; i++)
        {
            var key = removals[i];
            if ((uint)key.From >= (uint)nodeCount || (uint)key.To >= (uint)nodeCount || key.Topic < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(removals), $"Removal {i} has a node or topic index out of range.");
            }

            if (key.From != key.To)
            {
                changes[count++] = new EdgeChange { Topic = key.Topic, From = key.From, To = key.To, Order = upserts.Length + i, Community = -1 };
            }
        }

        var span = changes.AsSpan(0, count);
        span.Sort(new EdgeChangeOrder());
        var kept = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var isLastOfKey = i + 1 == span.Length
                || span[i + 1].To != span[i].To || span[i + 1].From != span[i].From || span[i + 1].Topic != span[i].Topic;
            if (!isLastOfKey)
            {
                continue;
            }

            var change = span[i];
            change.Current = Locate(old, change.Topic, change.From, change.To);
            if (change.Current != EdgeLayer.None || change.Target != EdgeLayer.None)
            {
                span[kept++] = change;
            }
        }

        return kept == changes.Length ? changes : changes.AsSpan(0, kept).ToArray();
    }

    /// <summary>The layer where the statement with key (from, to, topic) lives in <paramref name="snapshot"/>.</summary>
    internal static EdgeLayer Locate(TrustSnapshot snapshot, int topic, int from, int to)
    {
        if ((uint)from >= (uint)snapshot.NodeCount)
        {
            return EdgeLayer.None;
        }

        if (topic == TopicIndex.General)
        {
            if (snapshot.PublicTrust.IndexOf(from, to) >= 0)
            {
                return EdgeLayer.PublicTrust;
            }

            if (snapshot.PublicDistrust.IndexOf(from, to) >= 0)
            {
                return EdgeLayer.PublicDistrust;
            }
        }

        var rows = snapshot.RowFlags[from];
        if (rows == NodeRows.None)
        {
            return EdgeLayer.None;
        }

        var key = KeyedRows.Key(topic, from);
        if (topic != TopicIndex.General && (rows & NodeRows.Topic) != 0)
        {
            if (Contains(snapshot.TopicTrust, key, to))
            {
                return EdgeLayer.TopicTrust;
            }

            if (Contains(snapshot.TopicDistrust, key, to))
            {
                return EdgeLayer.TopicDistrust;
            }
        }

        if ((rows & NodeRows.Community) != 0)
        {
            if (Contains(snapshot.CommunityTrust, key, to))
            {
                return EdgeLayer.CommunityTrust;
            }

            if (Contains(snapshot.CommunityDistrust, key, to))
            {
                return EdgeLayer.CommunityDistrust;
            }
        }

        if ((rows & NodeRows.Private) != 0)
        {
            if (Contains(snapshot.PrivateTrust, key, to))
            {
                return EdgeLayer.PrivateTrust;
            }

            if (Contains(snapshot.PrivateDistrust, key, to))
            {
                return EdgeLayer.PrivateDistrust;
            }
        }

        return EdgeLayer.None;
    }

    private static bool Contains(KeyedRows rows, long key, int to)
    {
        var row = rows.FindRow(key);
        return row >= 0 && rows.IndexOf(row, to) >= 0;
    }

    private static void Validate(in StatementEdge edge, int nodeCount, int index)
    {
        if ((uint)edge.From >= (uint)nodeCount || (uint)edge.To >= (uint)nodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(edge), $"Statement {index} has a node index outside 0..{nodeCount - 1}.");
        }

        if (!float.IsFinite(edge.Value) || edge.Value == 0 || edge.Value < -1 || edge.Value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(edge), $"Statement {index} has value {edge.Value}; values are in [-1, 1] and not 0.");
        }

        if (edge.Topic < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(edge), $"Statement {index} has a negative topic index.");
        }

        if (edge.Scope is not (EdgeScope.Public or EdgeScope.Community or EdgeScope.Private))
        {
            throw new ArgumentOutOfRangeException(nameof(edge), $"Statement {index} has an unknown scope.");
        }

        if (edge.Scope == EdgeScope.Community && edge.Community < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(edge), $"Statement {index} is community-scoped without a community index.");
        }
    }
}
