using System.Text;
using BenchmarkDotNet.Attributes;
using Rapport.Core.Demo;
using Rapport.Core.Markdown;
using Rapport.Core.People;

namespace Rapport.Benchmarks.Markdown;

/// <summary>
/// Rendering member Markdown (parse, then sanitize) on the inputs profile pages and the directory see:
/// a median-length demo bio, a bio at the 4,000-character maximum, and every demo bio once (a directory's worth).
/// </summary>
[MemoryDiagnoser]
public class MarkdownRendererBenchmarks
{
    private readonly MarkdownRenderer _renderer = new();
    private string[] _bios = [];
    private string _typicalBio = "";
    private string _longestBio = "";

    [GlobalSetup]
    public void Setup()
    {
        var network = DemoNetwork.Generate(DemoNetwork.DefaultSeed, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _bios = [.. network.People.Select(p => p.Bio).OrderBy(b => b.Length)];
        _typicalBio = _bios[_bios.Length / 2];

        var joined = new StringBuilder();
        for (var i = _bios.Length - 1; joined.Length < Person.BioMaxLength; i--)
        {
            joined.Append(_bios[i]).Append("\n\n");
        }

        _longestBio = joined.ToString(0, Person.BioMaxLength);
    }

    [Benchmark(Baseline = true)]
    public string TypicalBio() => _renderer.ToSafeHtml(_typicalBio);

    [Benchmark]
    public string MaximumLengthBio() => _renderer.ToSafeHtml(_longestBio);

    [Benchmark(OperationsPerInvoke = DemoNetwork.GeneratedPeople + 1)]
    public int EveryDemoBio()
    {
        var length = 0;
        foreach (var bio in _bios)
        {
            length += _renderer.ToSafeHtml(bio).Length;
        }

        return length;
    }
}
