namespace Rapport.Trust.Graph.Files;

/// <summary>The text formats <see cref="GraphFile"/> reads.</summary>
public enum GraphFileFormat
{
    /// <summary>Decide from the file's name and first line (<see cref="GraphFile.Detect"/>).</summary>
    Auto = 0,

    /// <summary>
    /// SNAP signed networks (soc-sign-bitcoinotc, -alpha): <c>SOURCE,TARGET,RATING[,TIME]</c>, ratings −10..+10, not 0.
    /// A rating above 0 is trust of rating/10; below 0 distrust of rating/10.
    /// </summary>
    SnapSigned = 1,

    /// <summary>
    /// KONECT <c>out.*</c>: <c>%</c> comment lines or one named header line, then <c>SRC DST [WEIGHT [TIME]]</c>
    /// separated by whitespace; weights in [−1, 1] (Advogato: .6, .8, 1), 1 when absent.
    /// </summary>
    Konect = 2,

    /// <summary>Plain edge list: <c>#</c> comment lines, then <c>FROM TO [WEIGHT]</c> separated by any whitespace; 1 when unweighted.</summary>
    EdgeList = 3,
}
