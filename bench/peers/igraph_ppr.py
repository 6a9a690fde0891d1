"""Personalized PageRank by python-igraph's personalized_pagerank (PRPACK solver), one source per call.

igraph sends the walk from a node that trusts nobody back to the reset distribution (the source); the engine drops that
mass instead. Both give the same vector up to one positive factor, so the rankings, and so recall, are comparable.
"""
from common import Graph, announce, arguments, clock, queries, report, require, top_k, np

igraph = require("igraph", "python3-igraph")


def main():
    args = arguments(__doc__)
    load_started = clock()
    graph = Graph(args.input)
    g = igraph.Graph(n=graph.nodes, edges=np.column_stack((graph.src, graph.dst)).tolist(), directed=True)
    g.es["weight"] = graph.weight.tolist()
    damping = graph.damping
    announce("igraph", igraph.__version__, load_started)

    for source in queries(graph, args.queries):
        started = clock()
        scores = g.personalized_pagerank(directed=True, damping=damping, reset_vertices=[int(source)],
                                         weights="weight", implementation="prpack")
        report(source, started, top_k(np.asarray(scores), source, args.top))


if __name__ == "__main__":
    main()
