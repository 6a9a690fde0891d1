"""Shared by the peer scripts: arguments, the input files `rapport bench trust` writes, output lines, top-k.

Every script prints one JSON object per line on standard output:
  {"peer": NAME, "version": V, "load_ms": MS}                    once, after loading (not timed per query)
  {"source": S, "us": MICROSECONDS, "top": [[node, score], ...]}  per query, best first
  {"skipped": REASON}                                             instead, when a module is missing (exit code 3)
"""
import argparse
import json
import os
import sys
import time


def skip(reason):
    print(json.dumps({"skipped": reason}), flush=True)
    sys.exit(3)


def require(module, package):
    """Imports a module, or reports the peer as skipped with the Debian package that provides it."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as error:
        skip(f"Python module {error.name} is missing (Debian: apt-get install {package})")


np = require("numpy", "python3-numpy")


def arguments(description, extra=None):
    """The arguments every peer takes, plus `extra` ({flag: add_argument keywords}) of its own."""
    parser = argparse.ArgumentParser(description=description)
    for flag, keywords in (extra or {}).items():
        parser.add_argument(flag, **keywords)
    parser.add_argument("--input", required=True,
                        help="directory written by `rapport bench trust`: graph.json, from.i32, to.i32, weight.f32, sources.i32")
    parser.add_argument("--queries", type=int, default=None, help="answer at most this many sources (default: all)")
    parser.add_argument("--top", type=int, default=10, help="length of each best-first list (default: 10)")
    return parser.parse_args()


class Graph:
    """The filtered graph with dense ids: edge i goes from src[i] to dst[i] with trust weight[i] (not yet normalised)."""

    def __init__(self, directory):
        with open(os.path.join(directory, "graph.json"), encoding="utf-8") as meta_file:
            meta = json.load(meta_file)
        self.nodes = int(meta["nodes"])
        self.damping = float(meta["damping"])
        self.src = np.fromfile(os.path.join(directory, "from.i32"), dtype="<i4")
        self.dst = np.fromfile(os.path.join(directory, "to.i32"), dtype="<i4")
        self.weight = np.fromfile(os.path.join(directory, "weight.f32"), dtype="<f4").astype(np.float64)
        self.sources = np.fromfile(os.path.join(directory, "sources.i32"), dtype="<i4")
        if not (len(self.src) == len(self.dst) == len(self.weight) == int(meta["edges"])):
            sys.exit(f"{directory}: the edge arrays do not hold {meta['edges']} edges")

    def out_weight(self):
        """Sum of each node's outgoing trust: the row normaliser, the same as the engine's."""
        return np.bincount(self.src, weights=self.weight, minlength=self.nodes)


def clock():
    return time.perf_counter_ns()


def announce(peer, version, load_started):
    print(json.dumps({"peer": peer, "version": version, "load_ms": (clock() - load_started) / 1e6}), flush=True)


def report(source, started, top):
    """Prints one query; `started` is its clock() at the start, taken before any work on it."""
    elapsed = clock() - started
    print(json.dumps({"source": int(source), "us": elapsed / 1e3, "top": [[int(node), float(score)] for node, score in top]}),
          flush=True)


def top_k(scores, source, k):
    """What the engine's Top returns: best first, the viewer left out, no zero scores; ties by node index.

    Overwrites scores[source]; callers pass a vector they no longer need.
    """
    scores[source] = -np.inf
    k = min(k, len(scores) - 1)
    if k <= 0:
        return []
    candidates = np.argpartition(scores, -k)[-k:]
    best = sorted(candidates.tolist(), key=lambda node: (-scores[node], node))
    return [(node, scores[node]) for node in best if scores[node] > 0]


def queries(graph, limit):
    return graph.sources if limit is None else graph.sources[:limit]
