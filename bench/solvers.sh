#!/usr/bin/env bash
# bench/solvers.sh: compare mentormesh's matching solvers ("mentormesh solve")
# with reference solvers on the same input files, and write the table into
# bench/RESULTS.md under "## Reference comparison (bench/solvers.sh)".
#
# References (installed from Debian when missing): LEMON MaxWeightedMatching
# and NetworkSimplex (bench/ref/lemon_driver.cpp), scipy linear_sum_assignment
# (bench/ref/scipy_lsa.py), networkx max_weight_matching (bench/ref/nx_matching.py),
# CBC through PuLP on the set-partitioning ILP (bench/ref/cbc_groups.py).
# Instances: the shared ones (g_*, circ_*) plus the ones bench/gen writes into
# bench/work/ (kept between runs; delete bench/work to regenerate).
#
# Every timed command runs REPEAT times (default 3) and the best time counts;
# networkx and CBC run once. Times exclude parsing for both sides: ours is the
# "solve_seconds" that "mentormesh solve --timing" prints, the references
# time their own solve call. Our parse time is reported beside it.
#
# Usage: bench/solvers.sh            full run (about 10 minutes on 2 cores)
#        REPEAT=1 bench/solvers.sh   one run per measurement
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/work
REF=$ROOT/bench/ref
PY=/usr/bin/python3
REPEAT=${REPEAT:-3}
NX_TIMEOUT=${NX_TIMEOUT:-300}
CBC_TIMEOUT=${CBC_TIMEOUT:-300}
RESULTS=$ROOT/bench/RESULTS.md
LOG=$WORK/solvers.log

INSTANCES=""
for d in "$ROOT/../shared/bench/instances" /work/shared/bench/instances; do
	if [ -f "$d/g_1000_1.txt" ]; then
		INSTANCES=$(cd "$d" && pwd)
		break
	fi
done
if [ -z "$INSTANCES" ]; then
	echo "solvers.sh: shared/bench/instances not found" >&2
	exit 1
fi

mkdir -p "$WORK"
: >"$LOG"
log() { echo "$*" | tee -a "$LOG" >&2; }

# --- reference solvers -------------------------------------------------------
refs_present() {
	"$PY" -c 'import scipy, networkx, pulp' 2>/dev/null &&
		command -v cbc >/dev/null && command -v g++ >/dev/null &&
		[ -f /usr/include/lemon/matching.h ]
}
if ! refs_present; then
	log "installing reference solvers from Debian"
	apt-get update
	apt-get install -y python3-scipy python3-networkx python3-pulp coinor-cbc liblemon-dev g++
fi

log "building mentormesh, the instance generator and the LEMON driver"
(cd "$ROOT" && go build -o "$WORK/mentormesh" ./cmd/mentormesh && go build -o "$WORK/gen" ./bench/gen)
g++ -O2 -std=c++17 -o "$WORK/lemon_driver" "$REF/lemon_driver.cpp" -llemon

# --- instances ---------------------------------------------------------------
gen() { # gen FILE ARGS...: run the generator unless FILE exists
	local file=$1
	shift
	if [ ! -s "$file" ]; then
		log "generating $(basename "$file")"
		"$WORK/gen" "$@"
	fi
}
for n in 1000 2000 5000; do
	gen "$WORK/dense_$n.txt" dense "$n" "$n" "$n" "$WORK/dense_$n.txt" "$WORK/dense_$n.bin"
done
gen "$WORK/dense_1000x200.txt" dense 1000 200 11 "$WORK/dense_1000x200.txt"
gen "$WORK/caps_200x5.txt" caps 200 5 "$WORK/caps_200x5.txt"
gen "$WORK/dense_5000x1000.txt" dense 5000 1000 12 "$WORK/dense_5000x1000.txt"
gen "$WORK/caps_1000x5.txt" caps 1000 5 "$WORK/caps_1000x5.txt"
gen "$WORK/sparse_100k_10.txt" sparse 100000 10 13 "$WORK/sparse_100k_10.txt"
gen "$WORK/topk_10k_50.txt" topk 10000 50 14 "$WORK/topk_10k_50.txt"
gen "$WORK/complete_32.txt" complete 32 15 "$WORK/complete_32.txt"
for n in 2 4 6 8 10 12 14 16 32 50 100 250 500 998 1000; do
	gen "$WORK/nodes_$n.txt" nodes "$n" "$WORK/nodes_$n.txt"
done

# --- measuring ---------------------------------------------------------------
# field NAME TEXT: the value of NAME=... in TEXT.
field() { grep -o "$1=[^ ]*" <<<"$2" | head -n1 | cut -d= -f2; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }

# ours FILE ARGS...: best of REPEAT runs of "mentormesh solve ARGS < FILE".
# Sets OUR_SOLVE, OUR_PARSE (of the best run) and OUR_SUMMARY (its last line).
ours() {
	local file=$1
	shift
	OUR_SOLVE="" OUR_PARSE="" OUR_SUMMARY=""
	local i out err
	for ((i = 0; i < REPEAT; i++)); do
		if ! out=$("$WORK/mentormesh" solve "$@" --timing <"$file" 2>"$WORK/stderr" | tail -n1); then
			log "mentormesh solve $* < $file failed: $(cat "$WORK/stderr")"
			exit 1
		fi
		err=$(grep '^# parse_seconds' "$WORK/stderr")
		local s p
		s=$(field solve_seconds "$err")
		p=$(field parse_seconds "$err")
		log "  ours $(basename "$file") $*: $out solve=$s parse=$p"
		if [ -z "$OUR_SOLVE" ] || lt "$s" "$OUR_SOLVE"; then
			OUR_SOLVE=$s OUR_PARSE=$p OUR_SUMMARY=$out
		fi
	done
}

# ref TIMES COMMAND...: best of TIMES runs of a reference driver printing
# "total=... solve_seconds=...". Sets REF_SOLVE and REF_OUT; REF_OUT is
# "timeout" when the command exceeds its limit.
ref() {
	local times=$1
	shift
	REF_SOLVE="" REF_OUT=""
	local i out
	for ((i = 0; i < times; i++)); do
		if ! out=$("$@" 2>>"$LOG"); then
			log "  ref $*: failed or timed out"
			REF_OUT=timeout
			return
		fi
		log "  ref $*: $out"
		local s
		s=$(field solve_seconds "$out")
		if [ -z "$REF_SOLVE" ] || lt "$s" "$REF_SOLVE"; then
			REF_SOLVE=$s REF_OUT=$out
		fi
	done
}

ROWS=""
row() { # instance problem ours_time ours_result reference ref_time ref_result ratio target met
	local cell line="|"
	for cell in "$@"; do line+=" $cell |"; done
	ROWS+="$line"$'\n'
}
yes_no() { if "$@"; then echo yes; else echo "**no**"; fi; }
same() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a == b) }'; }
speedup() { if lt 0 "$2"; then calc "$1 / $2" 1; else echo "-"; fi; }
ours_time() { echo "$OUR_SOLVE (parse $OUR_PARSE)"; }

# --- general matching --------------------------------------------------------
for g in g_1000_1 g_2000_1 g_5000_1; do
	log "general $g"
	f=$INSTANCES/$g.txt
	ours "$f" general
	ot=$(field total "$OUR_SUMMARY")
	ref "$REPEAT" "$WORK/lemon_driver" general "$f"
	rt=$(field total "$REF_OUT")
	target="exact"
	met=$(yes_no same "$ot" "$rt")
	if [ "$g" = g_5000_1 ]; then
		target="exact; <= 2x LEMON time"
		met=$(yes_no eval 'same "$ot" "$rt" && ! lt "$(calc "2 * $REF_SOLVE" 4)" "$OUR_SOLVE"')
	fi
	row "$g" general "$(ours_time)" "total=$ot" "LEMON MaxWeightedMatching" "$REF_SOLVE" "total=$rt" \
		"$(speedup "$REF_SOLVE" "$OUR_SOLVE")" "$target" "$met"
	if [ "$g" = g_2000_1 ]; then
		ref 1 timeout "$NX_TIMEOUT" "$PY" "$REF/nx_matching.py" "$f"
		if [ "$REF_OUT" = timeout ]; then
			row "$g" general "$(ours_time)" "total=$ot" "networkx max_weight_matching" "> $NX_TIMEOUT" "timeout" \
				"> $(calc "$NX_TIMEOUT / $OUR_SOLVE" 0)" ">= 500x faster than networkx" \
				"$(yes_no lt "$(calc "500 * $OUR_SOLVE" 4)" "$NX_TIMEOUT")"
		else
			nt=$(field total "$REF_OUT")
			row "$g" general "$(ours_time)" "total=$ot" "networkx max_weight_matching" "$REF_SOLVE" "total=$nt" \
				"$(speedup "$REF_SOLVE" "$OUR_SOLVE")" "exact; >= 500x faster than networkx" \
				"$(yes_no eval 'same "$ot" "$nt" && ! lt "$REF_SOLVE" "$(calc "500 * $OUR_SOLVE" 4)"')"
		fi
	fi
done

log "general sparse_100k_10"
f=$WORK/sparse_100k_10.txt
ours "$f" general
ot=$(field total "$OUR_SUMMARY")
ref 1 "$WORK/lemon_driver" general "$f"
rt=$(field total "$REF_OUT")
row "sparse_100k_10 (100,000 nodes, 10 partners each)" general "$(ours_time)" "total=$ot" "LEMON MaxWeightedMatching (1 run)" \
	"$REF_SOLVE" "total=$rt" "$(speedup "$REF_SOLVE" "$OUR_SOLVE")" "exact; parse + solve < 10 s" \
	"$(yes_no eval 'same "$ot" "$rt" && lt "$(calc "$OUR_SOLVE + $OUR_PARSE" 4)" 10')"

# --- bipartite ---------------------------------------------------------------
for n in 1000 2000 5000; do
	log "bipartite dense_$n"
	ours "$WORK/dense_$n.txt" bipartite
	ot=$(field total "$OUR_SUMMARY")
	ref "$REPEAT" "$PY" "$REF/scipy_lsa.py" "$WORK/dense_$n.bin" "$n" "$n"
	rt=$(field total "$REF_OUT")
	target="exact"
	met=$(yes_no same "$ot" "$rt")
	if [ "$n" = 5000 ]; then
		target="exact; no slower than scipy"
		met=$(yes_no eval 'same "$ot" "$rt" && ! lt "$REF_SOLVE" "$OUR_SOLVE"')
	fi
	row "dense_$n ($n x $n assignment)" bipartite "$(ours_time)" "total=$ot" "scipy linear_sum_assignment" "$REF_SOLVE" "total=$rt" \
		"$(speedup "$REF_SOLVE" "$OUR_SOLVE")" "$target" "$met"
done
for spec in 1000x200:200 5000x1000:1000; do
	name=dense_${spec%%:*}
	caps=$WORK/caps_${spec##*:}x5.txt
	log "bipartite $name cap 5"
	ours "$WORK/$name.txt" bipartite --capacity "$caps"
	ot=$(field total "$OUR_SUMMARY")
	ref "$REPEAT" "$WORK/lemon_driver" bipartite "$WORK/$name.txt" "$caps"
	rt=$(field total "$REF_OUT")
	target="exact"
	met=$(yes_no same "$ot" "$rt")
	if [ "$name" = dense_5000x1000 ]; then
		target="exact; no slower than LEMON"
		met=$(yes_no eval 'same "$ot" "$rt" && ! lt "$REF_SOLVE" "$OUR_SOLVE"')
	fi
	row "$name cap 5" bipartite "$(ours_time)" "total=$ot" "LEMON NetworkSimplex" "$REF_SOLVE" "total=$rt" \
		"$(speedup "$REF_SOLVE" "$OUR_SOLVE")" "$target" "$met"
done

# --- groups ------------------------------------------------------------------
declare -A KNOWN=([circ_12_4_1]=1327 [circ_16_4_1]=1885 [circ_24_4_1]=2886 [circ_32_4_1]=3954 [circ_30_5_1]=4592)
for c in circ_12_4_1 circ_16_4_1 circ_24_4_1 circ_32_4_1 circ_30_5_1; do
	log "groups $c"
	f=$INSTANCES/$c.txt
	k=$(echo "$c" | cut -d_ -f3)
	ours "$f" groups --size "$k"
	ot=$(field total "$OUR_SUMMARY")
	bound=$(field bound "$OUR_SUMMARY")
	ref 1 timeout "$CBC_TIMEOUT" "$PY" "$REF/cbc_groups.py" "$f" "$k"
	if [ "$REF_OUT" = timeout ] || [ "$(field status "$REF_OUT")" != Optimal ]; then
		rt=${KNOWN[$c]} rname="CBC ILP (timed out here; optimum cited from shared/bench/README.md)" rtime="-"
	else
		rt=$(field total "$REF_OUT") rname="CBC set-partitioning ILP (1 run)" rtime=$REF_SOLVE
	fi
	row "$c" "groups k=$k" "$(ours_time)" "total=$ot bound=$bound ($(calc "100 * $ot / $rt" 2)% of opt)" "$rname" "$rtime" "total=$rt" \
		"$(if [ "$rtime" = - ]; then echo -; else speedup "$rtime" "$OUR_SOLVE"; fi)" ">= 99.5% of the optimum" \
		"$(yes_no eval '! lt "$ot" "$(calc "0.995 * $rt" 4)"')"
done

log "groups topk_10k_50"
ours "$WORK/topk_10k_50.txt" groups --size 5
ot=$(field total "$OUR_SUMMARY")
bound=$(field bound "$OUR_SUMMARY")
row "topk_10k_50 (10,000 people, top-50 partners)" "groups k=5" "$(ours_time)" "total=$ot" "our own upper bound" "-" \
	"bound=$bound (gap <= $(calc "100 * (1 - $ot / $bound)" 2)%)" "-" "parse + solve < 30 s" \
	"$(yes_no lt "$(calc "$OUR_SOLVE + $OUR_PARSE" 4)" 30)"

# --- rotation ----------------------------------------------------------------
log "rotation complete_32 groups of 4"
for input in complete_32 nodes_32; do
	f=$WORK/$input.txt
	ours "$f" rotation --size 4 --rounds 10
	rep=$(field repeats "$OUR_SUMMARY")
	what="weighted complete graph"
	[ "$input" = nodes_32 ] && what="nodes only"
	row "$input (32 people, $what)" "rotation k=4, 10 rounds" "$(ours_time)" "repeats=$rep" "-" "-" "-" "-" \
		"10 rounds without a repeat" "$(yes_no same "$rep" 0)"
done
log "rotation pairs, n-1 rounds"
bad="" worst=0 checked=""
for n in 2 4 6 8 10 12 14 16 50 100 250 500 998 1000; do
	REPEAT_SAVED=$REPEAT
	REPEAT=1
	ours "$WORK/nodes_$n.txt" rotation --size 2 --rounds $((n - 1))
	REPEAT=$REPEAT_SAVED
	rep=$(field repeats "$OUR_SUMMARY")
	checked+="$n "
	[ "$rep" = 0 ] || bad+="n=$n:$rep "
	if [ "$n" = 1000 ]; then
		row "nodes_1000 (pairs)" "rotation k=2, 999 rounds" "$(ours_time)" "repeats=$rep" "-" "-" "-" "-" \
			"n-1 rounds without a repeat" "$(yes_no same "$rep" 0)"
	fi
done
row "nodes_n (pairs), n = ${checked% }" "rotation k=2, n-1 rounds" "-" "repeats: ${bad:-0 for every n}" "-" "-" "-" "-" \
	"n-1 rounds without a repeat" "$(yes_no test -z "$bad")"

# --- report ------------------------------------------------------------------
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
SECTION=$WORK/section.md
{
	echo "## Reference comparison (bench/solvers.sh)"
	echo
	echo "Command: \`REPEAT=$REPEAT bench/solvers.sh\`; date: $(date -u '+%Y-%m-%d %H:%M UTC');"
	echo "machine: $(nproc) cores, $CPU, shared with other jobs while it ran (load average"
	echo "at the end: $(cut -d' ' -f1-3 /proc/loadavg)). Go $(go env GOVERSION)."
	echo
	echo "Times are seconds, best of $REPEAT runs (networkx, CBC and the 100k-node LEMON run: one"
	echo "run). Our time is the solver call alone as \`mentormesh solve --timing\` reports it; our"
	echo "parse time (reading the text file) is in parentheses. Reference times exclude their"
	echo "parsing too (LEMON: graph construction + run(); scipy: linear_sum_assignment on the"
	echo "int32 matrix of the same weights; networkx: max_weight_matching; CBC: PuLP's solve"
	echo "call). Ratio = reference time / our time (above 1: we are faster)."
	echo
	echo "| instance | problem | our time (parse) | our result | reference | reference time | reference result | ratio | target | met? |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	printf '%s' "$ROWS"
	echo
	echo "Instances: g_* and circ_* from shared/bench/instances; the others are written by"
	echo "bench/gen (\`go run ./bench/gen\`) into bench/work/ (dense: uniform integer weights in [0, 10^6);"
	echo "sparse_100k_10: every node picks 10 random partners, weights 1..1000; topk_10k_50:"
	echo "clustered random profiles, each person's 50 most similar, weights 0..1000;"
	echo "complete_32: weights 0..100; nodes_n: n nodes, no edges). The full log is"
	echo "bench/work/solvers.log."
} >"$SECTION"

# Replace our section in RESULTS.md, keeping every other section.
touch "$RESULTS"
awk -v section="$SECTION" '
	BEGIN { mine = "## Reference comparison (bench/solvers.sh)" }
	$0 == mine { skip = 1; while ((getline l < section) > 0) print l; done = 1; next }
	skip && /^## / { skip = 0 }
	!skip { print }
	END { if (!done) { if (NR > 0) print ""; while ((getline l < section) > 0) print l } }
' "$RESULTS" >"$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
log "wrote $RESULTS"
cat "$SECTION"
