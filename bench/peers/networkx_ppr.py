"""Personalized PageRank by NetworkX's pagerank(personalization={source: 1}), one source per call.

NetworkX sends dangling mass to the personalization vector (the source) as igraph does: the same ranking as the engine,
whose dangling mass is dropped. Its stopping rule is L1 change < N * tol, so tol = 1e-10 / N matches the SciPy peer.
Slow (it rebuilds a sparse matrix from the graph on every call), so `rapport bench trust` caps its queries.
"""
from common import Graph, announce, arguments, clock, queries, report, require, top_k, np

nx = require("networkx", "python3-networkx")
require("scipy.sparse", "python3-scipy")  # networkx.pagerank runs on SciPy


def main():
    args = arguments(__doc__)
    load_started = clock()
    graph = Graph(args.input)
    g = nx.DiGraph()
    g.add_nodes_from(range(graph.nodes))
    g.add_weighted_edges_from(zip(graph.src.tolist(), graph.dst.tolist(), graph.weight.tolist()))
    damping = graph.damping
    announce("networkx", nx.__version__, load_started)

    for source in queries(graph, args.queries):
        started = clock()
        ranks = nx.pagerank(g, alpha=damping, personalization={int(source): 1.0}, weight="weight",
                            tol=1e-10 / graph.nodes, max_iter=1000)
        scores = np.fromiter((ranks[node] for node in range(graph.nodes)), dtype=np.float64, count=graph.nodes)
        report(source, started, top_k(scores, source, args.top))


if __name__ == "__main__":
    main()
