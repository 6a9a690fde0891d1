using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rapport.Trust.Recommendation.LatentFactors;

/// <summary>
/// The row arithmetic of the trainer, four factors at a time (<see cref="Vector256{T}"/>, a fixed width, and no fused
/// multiply-add, so every machine computes the same bits; rows whose length is not a multiple of four finish one
/// factor at a time). Sums of products add the four lanes in a fixed order.
/// </summary>
internal static class FactorMath
{
    private const int Lanes = 4;

    /// <summary>Σ a_f b_f.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var acc = Vector256<double>.Zero;
        var f = 0;
        for (; f <= a.Length - Lanes; f += Lanes)
        {
            acc += Vector256.LoadUnsafe(ref ra, (nuint)f) * Vector256.LoadUnsafe(ref rb, (nuint)f);
        }

        var sum = SumLanes(acc);
        for (; f < a.Length; f++)
        {
            sum += a[f] * b[f];
        }

        return sum;
    }

    /// <summary>Σ q_f (p_f + z_f).</summary>
    public static double DotOfSum(ReadOnlySpan<double> q, ReadOnlySpan<double> p, ReadOnlySpan<double> z)
    {
        ref var rq = ref MemoryMarshal.GetReference(q);
        ref var rp = ref MemoryMarshal.GetReference(p);
        ref var rz = ref MemoryMarshal.GetReference(z);
        var acc = Vector256<double>.Zero;
        var f = 0;
        for (; f <= q.Length - Lanes; f += Lanes)
        {
            acc += Vector256.LoadUnsafe(ref rq, (nuint)f) * (Vector256.LoadUnsafe(ref rp, (nuint)f) + Vector256.LoadUnsafe(ref rz, (nuint)f));
        }

        var sum = SumLanes(acc);
        for (; f < q.Length; f++)
        {
            sum += q[f] * (p[f] + z[f]);
        }

        return sum;
    }

    /// <summary>target += scale · row.</summary>
    public static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> row)
    {
        ref var rt = ref MemoryMarshal.GetReference(target);
        ref var rr = ref MemoryMarshal.GetReference(row);
        var s = Vector256.Create(scale);
        var f = 0;
        for (; f <= target.Length - Lanes; f += Lanes)
        {
            (Vector256.LoadUnsafe(ref rt, (nuint)f) + s * Vector256.LoadUnsafe(ref rr, (nuint)f)).StoreUnsafe(ref rt, (nuint)f);
        }

        for (; f < target.Length; f++)
        {
            target[f] += scale * row[f];
        }
    }

    /// <summary>
    /// One rating's step on p_u and q_j (error e = r̂ − r) with old values on the right-hand side, and g_u += e q_j:
    /// p_u −= rate (e q_j + λ_u p_u), q_j −= rate (e (p_u + z_u) + λ_j q_j).
    /// </summary>
    public static void RatingStep(Span<double> p, Span<double> q, ReadOnlySpan<double> z, Span<double> g, double error, double rate, double userReg, double itemReg)
    {
        ref var rp = ref MemoryMarshal.GetReference(p);
        ref var rq = ref MemoryMarshal.GetReference(q);
        ref var rz = ref MemoryMarshal.GetReference(z);
        ref var rg = ref MemoryMarshal.GetReference(g);
        var (e, r, lu, lj) = (Vector256.Create(error), Vector256.Create(rate), Vector256.Create(userReg), Vector256.Create(itemReg));
        var f = 0;
        for (; f <= p.Length - Lanes; f += Lanes)
        {
            var pf = Vector256.LoadUnsafe(ref rp, (nuint)f);
            var qf = Vector256.LoadUnsafe(ref rq, (nuint)f);
            var zf = Vector256.LoadUnsafe(ref rz, (nuint)f);
            (pf - r * (e * qf + lu * pf)).StoreUnsafe(ref rp, (nuint)f);
            (qf - r * (e * (pf + zf) + lj * qf)).StoreUnsafe(ref rq, (nuint)f);
            (Vector256.LoadUnsafe(ref rg, (nuint)f) + e * qf).StoreUnsafe(ref rg, (nuint)f);
        }

        for (; f < p.Length; f++)
        {
            var (pf, qf) = (p[f], q[f]);
            p[f] -= rate * (error * qf + userReg * pf);
            q[f] -= rate * (error * (pf + z[f]) + itemReg * qf);
            g[f] += error * qf;
        }
    }

    /// <summary>row −= rate (gradient + λ row): an explicit gradient step with its regulariser.</summary>
    public static void Step(Span<double> row, ReadOnlySpan<double> gradient, double rate, double regularization)
    {
        ref var rr = ref MemoryMarshal.GetReference(row);
        ref var rg = ref MemoryMarshal.GetReference(gradient);
        var (r, l) = (Vector256.Create(rate), Vector256.Create(regularization));
        var f = 0;
        for (; f <= row.Length - Lanes; f += Lanes)
        {
            var x = Vector256.LoadUnsafe(ref rr, (nuint)f);
            (x - r * (Vector256.LoadUnsafe(ref rg, (nuint)f) + l * x)).StoreUnsafe(ref rr, (nuint)f);
        }

        for (; f < row.Length; f++)
        {
            row[f] -= rate * (gradient[f] + regularization * row[f]);
        }
    }

    /// <summary>row = (row − rate · gradient) · shrink: a gradient step with the regulariser applied proximally.</summary>
    public static void ProximalStep(Span<double> row, ReadOnlySpan<double> gradient, double rate, double shrink)
    {
        ref var rr = ref MemoryMarshal.GetReference(row);
        ref var rg = ref MemoryMarshal.GetReference(gradient);
        var (r, s) = (Vector256.Create(rate), Vector256.Create(shrink));
        var f = 0;
        for (; f <= row.Length - Lanes; f += Lanes)
        {
            ((Vector256.LoadUnsafe(ref rr, (nuint)f) - r * Vector256.LoadUnsafe(ref rg, (nuint)f)) * s).StoreUnsafe(ref rr, (nuint)f);
        }

        for (; f < row.Length; f++)
        {
            row[f] = (row[f] - rate * gradient[f]) * shrink;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumLanes(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
