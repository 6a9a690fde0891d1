using Rapport.Core.Problems;

namespace Rapport.Core.Tests.Problems;

public sealed class ProblemLifecycleTests
{
    private static readonly DateTimeOffset Posted = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Posted.AddHours(5);

    /// <summary>
    /// The documented moves (docs/architecture.md, "Problems"), written out here independently of
    /// <see cref="ProblemLifecycle"/>: (from, move) → to. Everything else must be refused.
    /// </summary>
    private static readonly Dictionary<(ProblemStatus From, ProblemTransition Move), ProblemStatus> Documented = new()
    {
        [(ProblemStatus.Open, ProblemTransition.StartDialogue)] = ProblemStatus.InDialogue,
        [(ProblemStatus.Open, ProblemTransition.RecordAgreement)] = ProblemStatus.Agreed,
        [(ProblemStatus.InDialogue, ProblemTransition.RecordAgreement)] = ProblemStatus.Agreed,
        [(ProblemStatus.Agreed, ProblemTransition.RecordAgreement)] = ProblemStatus.Agreed,
        [(ProblemStatus.Delivered, ProblemTransition.RecordAgreement)] = ProblemStatus.Agreed,
        [(ProblemStatus.Agreed, ProblemTransition.RecordDelivery)] = ProblemStatus.Delivered,
        [(ProblemStatus.Agreed, ProblemTransition.ReturnToDialogue)] = ProblemStatus.InDialogue,
        [(ProblemStatus.InDialogue, ProblemTransition.Resolve)] = ProblemStatus.Resolved,
        [(ProblemStatus.Agreed, ProblemTransition.Resolve)] = ProblemStatus.Resolved,
        [(ProblemStatus.Delivered, ProblemTransition.Resolve)] = ProblemStatus.Resolved,
        [(ProblemStatus.Open, ProblemTransition.Close)] = ProblemStatus.Closed,
        [(ProblemStatus.InDialogue, ProblemTransition.Close)] = ProblemStatus.Closed,
        [(ProblemStatus.Agreed, ProblemTransition.Close)] = ProblemStatus.Closed,
        [(ProblemStatus.Delivered, ProblemTransition.Close)] = ProblemStatus.Closed,
        // Reopening goes back to the dialogue when there was one (every path below to "resolved" had one).
        [(ProblemStatus.Resolved, ProblemTransition.Reopen)] = ProblemStatus.InDialogue,
        [(ProblemStatus.Closed, ProblemTransition.Reopen)] = ProblemStatus.InDialogue,
    };

    public static TheoryData<ProblemStatus, ProblemTransition> EveryStateAndMove()
    {
        var data = new TheoryData<ProblemStatus, ProblemTransition>();
        foreach (var status in Enum.GetValues<ProblemStatus>())
        {
            foreach (var move in Enum.GetValues<ProblemTransition>())
            {
                data.Add(status, move);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndMove))]
    public void EachMove_IsAllowedExactlyWhenDocumented(ProblemStatus from, ProblemTransition move)
    {
        var problem = InState(from);
        var changedAt = problem.StatusChangedAt;

        var refusal = Apply(problem, move, Later);

        if (Documented.TryGetValue((from, move), out var to))
        {
            Assert.Null(refusal);
            Assert.Equal(to, problem.Status);
            Assert.Equal(Later, problem.StatusChangedAt);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Equal(from, problem.Status);
            Assert.Equal(changedAt, problem.StatusChangedAt);
            Assert.False(string.IsNullOrWhiteSpace(ProblemLifecycle.Describe(refusal.Value)));
        }

        Assert.Equal(Documented.ContainsKey((from, move)), ProblemLifecycle.Allows(from, move));
    }

    [Fact]
    public void Reopen_WithoutAnyDialogue_GoesBackToOpen()
    {
        var problem = InState(ProblemStatus.Open);
        Assert.Null(problem.Close(Later));

        Assert.Null(problem.Reopen(Later.AddHours(1)));

        Assert.Equal(ProblemStatus.Open, problem.Status);
        Assert.Null(problem.DialogueStartedAt);
    }

    [Fact]
    public void Refusals_AreNamed()
    {
        Assert.Equal(ProblemRefusal.NoDialogueYet, InState(ProblemStatus.Open).Resolve(Later));
        Assert.Equal(ProblemRefusal.Ended, InState(ProblemStatus.Resolved).Resolve(Later));
        Assert.Equal(ProblemRefusal.DialogueAlreadyStarted, InState(ProblemStatus.InDialogue).StartDialogue(Later));
        Assert.Equal(ProblemRefusal.NotAgreed, InState(ProblemStatus.InDialogue).RecordDelivery(Later));
        Assert.Equal(ProblemRefusal.NotEnded, InState(ProblemStatus.Delivered).Reopen(Later));
    }

    [Fact]
    public void StartDialogue_KeepsTheFirstDialogueTimeThroughReopening()
    {
        var problem = InState(ProblemStatus.InDialogue);
        var started = problem.DialogueStartedAt;
        Assert.Null(problem.Resolve(Later));
        Assert.Null(problem.Reopen(Later.AddHours(1)));

        Assert.Equal(Posted.AddMinutes(1), started);
        Assert.Equal(started, problem.DialogueStartedAt);
    }

    /// <summary>A problem brought to <paramref name="status"/> through the allowed moves only.</summary>
    private static Problem InState(ProblemStatus status)
    {
        var problem = new Problem { Title = "Harbour crane", CreatedAt = Posted, StatusChangedAt = Posted };
        var step = Posted;
        ProblemTransition[] path = status switch
        {
            ProblemStatus.Open => [],
            ProblemStatus.InDialogue => [ProblemTransition.StartDialogue],
            ProblemStatus.Agreed => [ProblemTransition.StartDialogue, ProblemTransition.RecordAgreement],
            ProblemStatus.Delivered => [ProblemTransition.StartDialogue, ProblemTransition.RecordAgreement, ProblemTransition.RecordDelivery],
            ProblemStatus.Resolved => [ProblemTransition.StartDialogue, ProblemTransition.Resolve],
            ProblemStatus.Closed => [ProblemTransition.StartDialogue, ProblemTransition.Close],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var move in path)
        {
            step = step.AddMinutes(1);
            Assert.Null(Apply(problem, move, step));
        }

        Assert.Equal(status, problem.Status);
        return problem;
    }

    private static ProblemRefusal? Apply(Problem problem, ProblemTransition move, DateTimeOffset now) => move switch
    {
        ProblemTransition.StartDialogue => problem.StartDialogue(now),
        ProblemTransition.RecordAgreement => problem.RecordAgreement(now),
        ProblemTransition.RecordDelivery => problem.RecordDelivery(now),
        ProblemTransition.ReturnToDialogue => problem.ReturnToDialogue(now),
        ProblemTransition.Resolve => problem.Resolve(now),
        ProblemTransition.Close => problem.Close(now),
        ProblemTransition.Reopen => problem.Reopen(now),
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };
}
