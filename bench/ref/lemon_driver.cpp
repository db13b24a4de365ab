// lemon_driver: reference solvers from the LEMON graph library for
// bench/solvers.sh. It reads the same edge files as "mentormesh solve"
// (optional "n m" header, "u v w" lines, '#' comments) restricted to what
// the benchmark instances use: node names are integers 0.. and weights are
// integers.
//
//   lemon_driver general EDGES
//       maximum-weight matching (MaxWeightedMatching) of the one-pool graph.
//   lemon_driver bipartite EDGES [CAPACITIES]
//       maximum-weight b-matching as a min-cost flow (NetworkSimplex):
//       source -> left (cap 1), left -> right (cap 1, cost -w) for w > 0,
//       right -> sink (capacity, default 1), and a source -> sink bypass so
//       that nobody has to be matched.
//
// It prints one line "total=<T> pairs=<P> solve_seconds=<S> run_seconds=<R>":
// solve_seconds counts building the LEMON graph from the parsed arrays and
// running the algorithm (what mentormesh's solve_seconds counts as well),
// run_seconds the algorithm's run() alone. Parsing is not counted.
#include <lemon/list_graph.h>
#include <lemon/smart_graph.h>
#include <lemon/matching.h>
#include <lemon/network_simplex.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace lemon;
using Clock = std::chrono::steady_clock;

struct Input {
  long long header_nodes = -1;
  std::vector<int> u, v;
  std::vector<long long> w;
};

static double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

static void die(const std::string& msg) {
  std::cerr << "lemon_driver: " << msg << "\n";
  std::exit(2);
}

// read_edges parses the edge list with a hand-written scanner (fast enough
// for the 25M-line dense files).
static Input read_edges(const char* path) {
  FILE* f = std::fopen(path, "rb");
  if (!f) die(std::string("cannot open ") + path);
  Input in;
  static char buf[1 << 16];
  bool first = true;
  long long lineno = 0;
  while (std::fgets(buf, sizeof buf, f)) {
    lineno++;
    char* p = buf;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '#' || *p == '\n' || *p == '\r' || *p == 0) continue;
    long long vals[3];
    int n = 0;
    while (n < 3) {
      while (*p == ' ' || *p == '\t') p++;
      if (*p == '\n' || *p == '\r' || *p == 0) break;
      char* end;
      vals[n++] = std::strtoll(p, &end, 10);
      if (end == p) die("line " + std::to_string(lineno) + ": not an integer");
      p = end;
    }
    if (first && n == 2) {
      in.header_nodes = vals[0];
      if (vals[1] > 0 && vals[1] < (1LL << 28)) {
        in.u.reserve(vals[1]);
        in.v.reserve(vals[1]);
        in.w.reserve(vals[1]);
      }
      first = false;
      continue;
    }
    first = false;
    if (n != 3) die("line " + std::to_string(lineno) + ": want u v w");
    in.u.push_back((int)vals[0]);
    in.v.push_back((int)vals[1]);
    in.w.push_back(vals[2]);
  }
  std::fclose(f);
  return in;
}

static int run_general(const Input& in) {
  int n = in.header_nodes > 0 ? (int)in.header_nodes : 0;
  for (size_t i = 0; i < in.u.size(); i++) n = std::max(n, std::max(in.u[i], in.v[i]) + 1);
  Clock::time_point t0 = Clock::now();
  SmartGraph g;
  g.reserveNode(n);
  g.reserveEdge(in.u.size());
  std::vector<SmartGraph::Node> nodes(n);
  for (int i = 0; i < n; i++) nodes[i] = g.addNode();
  SmartGraph::EdgeMap<long long> weight(g);
  for (size_t i = 0; i < in.u.size(); i++) {
    SmartGraph::Edge e = g.addEdge(nodes[in.u[i]], nodes[in.v[i]]);
    weight[e] = in.w[i];
  }
  MaxWeightedMatching<SmartGraph, SmartGraph::EdgeMap<long long>> mwm(g, weight);
  Clock::time_point t1 = Clock::now();
  mwm.run();
  double run = seconds_since(t1), solve = seconds_since(t0);
  long long total = 0;
  int pairs = 0;
  for (SmartGraph::EdgeIt e(g); e != INVALID; ++e) {
    if (mwm.matching(e)) {
      total += weight[e];
      pairs++;
    }
  }
  std::printf("total=%lld pairs=%d solve_seconds=%.4f run_seconds=%.4f\n", total, pairs, solve, run);
  return 0;
}

static int run_bipartite(const Input& in, const char* cap_path) {
  int nl = in.header_nodes > 0 ? (int)in.header_nodes : 0, nr = 0;
  for (size_t i = 0; i < in.u.size(); i++) {
    nl = std::max(nl, in.u[i] + 1);
    nr = std::max(nr, in.v[i] + 1);
  }
  std::vector<long long> cap(nr, 1);
  if (cap_path) {
    std::ifstream cf(cap_path);
    if (!cf) die(std::string("cannot open ") + cap_path);
    std::string line;
    while (std::getline(cf, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream ss(line);
      long long node, c;
      if (!(ss >> node >> c)) die("bad capacity line: " + line);
      if (node >= 0 && node < nr) cap[node] = c;
    }
  }
  Clock::time_point t0 = Clock::now();
  SmartDigraph g;
  g.reserveNode(nl + nr + 2);
  g.reserveArc(in.u.size() + nl + nr + 1);
  SmartDigraph::Node s = g.addNode(), t = g.addNode();
  std::vector<SmartDigraph::Node> left(nl), right(nr);
  for (int i = 0; i < nl; i++) left[i] = g.addNode();
  for (int j = 0; j < nr; j++) right[j] = g.addNode();
  SmartDigraph::ArcMap<long long> upper(g), cost(g);
  std::vector<SmartDigraph::Arc> pair_arcs;
  std::vector<size_t> pair_edge;
  for (int i = 0; i < nl; i++) {
    SmartDigraph::Arc a = g.addArc(s, left[i]);
    upper[a] = 1;
    cost[a] = 0;
  }
  for (int j = 0; j < nr; j++) {
    SmartDigraph::Arc a = g.addArc(right[j], t);
    upper[a] = cap[j];
    cost[a] = 0;
  }
  SmartDigraph::Arc bypass = g.addArc(s, t);
  upper[bypass] = nl;
  cost[bypass] = 0;
  for (size_t i = 0; i < in.u.size(); i++) {
    if (in.w[i] <= 0) continue;
    SmartDigraph::Arc a = g.addArc(left[in.u[i]], right[in.v[i]]);
    upper[a] = 1;
    cost[a] = -in.w[i];
    pair_arcs.push_back(a);
    pair_edge.push_back(i);
  }
  NetworkSimplex<SmartDigraph, long long, long long> ns(g);
  ns.upperMap(upper).costMap(cost).stSupply(s, t, nl);
  Clock::time_point t1 = Clock::now();
  NetworkSimplex<SmartDigraph, long long, long long>::ProblemType status = ns.run();
  double run = seconds_since(t1), solve = seconds_since(t0);
  if (status != NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL) die("NetworkSimplex: no optimal solution");
  long long total = 0;
  int pairs = 0;
  for (size_t k = 0; k < pair_arcs.size(); k++) {
    if (ns.flow(pair_arcs[k]) > 0) {
      total += in.w[pair_edge[k]];
      pairs++;
    }
  }
  std::printf("total=%lld pairs=%d solve_seconds=%.4f run_seconds=%.4f\n", total, pairs, solve, run);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3) die("usage: lemon_driver general EDGES | bipartite EDGES [CAPACITIES]");
  std::string mode = argv[1];
  Input in = read_edges(argv[2]);
  if (mode == "general") return run_general(in);
  if (mode == "bipartite") return run_bipartite(in, argc > 3 ? argv[3] : nullptr);
  die("unknown mode " + mode);
}
