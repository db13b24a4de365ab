package rotation

// largeTries is how many random unplaced players the large greedy tries
// for a place before settling for the one with the fewest earlier meetings
// with the group.
const largeTries = 64

// greedyLarge schedules the rounds after before (rounds already made) for
// more than denseLimit nodes, where the meeting table would be too
// large: round by round, each group starts
// with a random unplaced player and takes, for each further place, the
// first of up to largeTries random unplaced players who has met nobody in
// the group (else the one tried with the fewest meetings). With n much
// larger than rounds times size, as in such pools, repeats are rare; they
// are counted and reported like any other.
func greedyLarge(p *problem, before [][][]int32) [][][]int32 {
	n := p.n
	met := map[[2]int32]bool{}
	key := func(a, b int32) [2]int32 { return [2]int32{min(a, b), max(a, b)} }
	for _, h := range p.history {
		met[key(int32(h[0]), int32(h[1]))] = true
	}
	for _, round := range before {
		for _, group := range round {
			for i, a := range group {
				for _, b := range group[:i] {
					met[key(a, b)] = true
				}
			}
		}
	}
	out := make([][][]int32, p.rounds-len(before))
	free := make([]int32, n)
	for r := range out {
		for i := range free {
			free[i] = int32(i)
		}
		left := n
		take := func(i int) int32 {
			v := free[i]
			left--
			free[i] = free[left]
			return v
		}
		round := make([][]int32, 0, len(p.sizes))
		for _, size := range p.sizes {
			group := []int32{take(p.rng.IntN(left))}
			for len(group) < size {
				best, bestConf := -1, 0
				for range largeTries {
					i := p.rng.IntN(left)
					conf := 0
					for _, x := range group {
						if met[key(free[i], x)] {
							conf++
						}
					}
					if best < 0 || conf < bestConf {
						best, bestConf = i, conf
					}
					if conf == 0 {
						break
					}
				}
				group = append(group, take(best))
			}
			for i, a := range group {
				for _, b := range group[:i] {
					met[key(a, b)] = true
				}
			}
			round = append(round, group)
		}
		out[r] = round
	}
	return out
}
