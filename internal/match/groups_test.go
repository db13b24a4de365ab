package match

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// grpInstanceDir holds the shared reference instances.
const grpInstanceDir = "/work/shared/bench/instances"

// grpCircOptima are the CBC optima of the circ_* reference instances.
var grpCircOptima = []struct {
	name string
	opt  float64
}{
	{"circ_12_4_1", 1327},
	{"circ_16_4_1", 1885},
	{"circ_24_4_1", 2886},
	{"circ_32_4_1", 3954},
	{"circ_30_5_1", 4592},
}

// grpLoadInstance reads a reference instance: a first line "n k" (or "n m"),
// then "i j w" lines; lines starting with # are comments.
func grpLoadInstance(tb testing.TB, name string) (n, k int, edges []Edge) {
	tb.Helper()
	f, err := os.Open(filepath.Join(grpInstanceDir, name+".txt"))
	if err != nil {
		tb.Skipf("reference instance not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		nums := make([]float64, len(fields))
		for i, s := range fields {
			if nums[i], err = strconv.ParseFloat(s, 64); err != nil {
				tb.Fatalf("%s: bad number %q", name, s)
			}
		}
		if first {
			if len(nums) != 2 {
				tb.Fatalf("%s: header %q", name, line)
			}
			n, k, first = int(nums[0]), int(nums[1]), false
			continue
		}
		if len(nums) != 3 {
			tb.Fatalf("%s: edge line %q", name, line)
		}
		edges = append(edges, Edge{U: int(nums[0]), V: int(nums[1]), W: nums[2]})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return n, k, edges
}

// grpCheckPartition fails unless res is a valid partition of 0..n-1 with the
// sizes grpSizes(n, k) and a Total that matches an independent recount.
func grpCheckPartition(tb testing.TB, n, k int, edges []Edge, res GroupResult) {
	tb.Helper()
	group := make([]int, n)
	for i := range group {
		group[i] = -1
	}
	var sizes []int
	for gi, g := range res.Groups {
		if !slices.IsSorted(g) {
			tb.Fatalf("group %d not sorted: %v", gi, g)
		}
		if gi > 0 && res.Groups[gi-1][0] >= g[0] {
			tb.Fatalf("groups not sorted by first member: %v then %v", res.Groups[gi-1], g)
		}
		for _, v := range g {
			if v < 0 || v >= n || group[v] >= 0 {
				tb.Fatalf("node %d out of range or in two groups", v)
			}
			group[v] = gi
		}
		sizes = append(sizes, len(g))
	}
	for v, gi := range group {
		if gi < 0 {
			tb.Fatalf("node %d in no group", v)
		}
	}
	want := grpSizes(n, k)
	slices.Sort(sizes)
	slices.Sort(want)
	if !slices.Equal(sizes, want) {
		tb.Fatalf("sizes %v, want %v", sizes, want)
	}
	total := 0.0
	for _, e := range edges {
		if group[e.U] == group[e.V] {
			total += e.W
		}
	}
	if math.Abs(total-res.Total) > 1e-6*(1+math.Abs(total)) {
		tb.Fatalf("Total %v, recount %v", res.Total, total)
	}
	if res.Bound < res.Total {
		tb.Fatalf("Bound %v below Total %v", res.Bound, res.Total)
	}
}

func TestGroups_CircOptima(t *testing.T) {
	for _, tc := range grpCircOptima {
		t.Run(tc.name, func(t *testing.T) {
			n, k, edges := grpLoadInstance(t, tc.name)
			res, err := Groups(n, edges, GroupOptions{Size: k, Seed: 1, Budget: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			grpCheckPartition(t, n, k, edges, res)
			if res.Total < 0.995*tc.opt {
				t.Errorf("Total %v below 99.5%% of the optimum %v", res.Total, tc.opt)
			}
			if res.Total > tc.opt+1e-9 {
				t.Errorf("Total %v above the optimum %v: recount or optimum wrong", res.Total, tc.opt)
			}
			if res.Bound < tc.opt-1e-6 {
				t.Errorf("Bound %v below the optimum %v: not a bound", res.Bound, tc.opt)
			}
			t.Logf("total %v (%.2f%% of optimum), bound %.1f (gap %.2f%%)",
				res.Total, 100*res.Total/tc.opt, res.Bound, 100*(res.Bound-res.Total)/res.Bound)
		})
	}
}
