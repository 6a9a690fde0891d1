"""Personalized PageRank by SciPy sparse power iteration, the textbook way and the reference cross-check.

x <- d * P^T x + (1 - d) * e_source, with P the row-normalised trust matrix and d the damping from graph.json,
until the L1 change is below --tolerance (1e-10: converged, the cross-check; looser values trade recall for time, the way
a practitioner would). Rows of nodes that trust nobody are empty, so their mass is dropped, as in the engine.
"""
from common import Graph, announce, arguments, clock, queries, report, require, top_k, np

scipy = require("scipy", "python3-scipy")
sparse = require("scipy.sparse", "python3-scipy")

MAX_ITERATIONS = 1000


def main():
    args = arguments(__doc__, {"--tolerance": dict(type=float, default=1e-10, help="stop when the L1 change is below this")})
    load_started = clock()
    graph = Graph(args.input)
    out = graph.out_weight()
    # Column i of the transition matrix holds node i's normalised out-edges, so matrix @ x moves mass along edges.
    transition = sparse.csr_matrix((graph.weight / out[graph.src], (graph.dst, graph.src)), shape=(graph.nodes, graph.nodes))
    damping = graph.damping
    announce("scipy", scipy.__version__, load_started)

    for source in queries(graph, args.queries):
        started = clock()
        x = np.zeros(graph.nodes)
        x[source] = 1.0 - damping
        for _ in range(MAX_ITERATIONS):
            following = damping * (transition @ x)
            following[source] += 1.0 - damping
            change = np.abs(following - x).sum()
            x = following
            if change < args.tolerance:
                break
        report(source, started, top_k(x, source, args.top))


if __name__ == "__main__":
    main()
