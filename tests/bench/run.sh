#!/bin/sh
# run.sh - `make bench`: tradeoff measured beside dialog, whiptail and a
# Node.js prompt, in one run on this machine; tests/bench/README.md says
# what each figure means and how it is taken.
#
# make bench copies the distribution files to $BENCH_DIR/src and calls
# this script from there with BENCH_DIR, MAKE and CC set.  It builds an
# optimised copy in $BENCH_DIR/build, makes its inputs in $BENCH_DIR/work
# and prints one table, also written to $BENCH_DIR/results.md.
#
# BENCH_QUICK=1: few runs and small databases, a smoke run in a minute.
set -eu

: "${BENCH_DIR:?run this through make bench}"
MAKE=${MAKE:-make}
CC=${CC:-cc}
src=$BENCH_DIR/src
build=$BENCH_DIR/build
work=$BENCH_DIR/work
quick=${BENCH_QUICK:-0}
[ "$quick" = 0 ] || quick=1

if [ "$quick" = 1 ]; then
	rounds=5 per_round=1 keys=8 reps=3 list_rounds=1 quiet=100
	sizes="1 100 1000"
	changes=5 idle_s=3 vote_rounds=3
else
	rounds=25 per_round=2 keys=40 reps=5 list_rounds=8 quiet=150
	sizes="1 1000 10000"
	changes=20 idle_s=10 vote_rounds=10
fi
# The workshop: explorers open on one database, votes at once.
screens=10 voters=30
runs=$((rounds * per_round))
small=${sizes%% *}
large=${sizes##* }

say() {
	printf 'bench: %s\n' "$*" >&2
}

# --- Tools --------------------------------------------------------------

missing=
for tool in dialog whiptail valgrind; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		say "installing:$missing"
		sh "$src/.ci/install-deps" $missing
	else
		say "make bench needs:$missing (Debian packages of those names)"
		say "install them with: sh .ci/install-deps$missing"
		exit 1
	fi
fi

# --- The optimised build ------------------------------------------------

mkdir -p "$build" "$work/home"
if [ ! -f "$build/Makefile" ]; then
	say "configuring an optimised build (CFLAGS=-O2) in $build"
	(cd "$build" && "$src/configure" CC="$CC" CFLAGS=-O2 \
	    >configure.log 2>&1) || {
		tail -20 "$build/configure.log" >&2
		exit 1
	}
fi
say "building in $build"
(cd "$build" && $MAKE tradeoff tests/bench/ptybench tests/bench/bench_core \
    tests/bench/bench_gen >make.log 2>&1) || {
	tail -30 "$build/make.log" >&2
	exit 1
}
# The same program with SQLite linked in (./configure
# --enable-static-sqlite), measured beside it: what that choice buys at
# a start.  Left out, with a note, where libsqlite3.a is not installed.
build_st=$BENCH_DIR/build-static-sqlite
tr_st=
mkdir -p "$build_st"
if [ -f "$build_st/Makefile" ] || (cd "$build_st" && "$src/configure" \
    CC="$CC" CFLAGS=-O2 --enable-static-sqlite >configure.log 2>&1); then
	say "building with SQLite linked in, in $build_st"
	if (cd "$build_st" && $MAKE tradeoff >make.log 2>&1); then
		tr_st=$build_st/tradeoff
	else
		say "the build with SQLite linked in failed: see $build_st/make.log"
	fi
else
	say "no build with SQLite linked in: see $build_st/configure.log"
fi
tr=$build/tradeoff
pb=$build/tests/bench/ptybench
bc=$build/tests/bench/bench_core
bg=$build/tests/bench/bench_gen

# --- The machine --------------------------------------------------------

pkgver() {
	v=$(dpkg-query -W -f='${Version}' "$1" 2>/dev/null) || v=
	printf '%s' "${v:-?}"
}
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
cores=$(nproc)
load_start=$(cut -d' ' -f1-4 /proc/loadavg)
kernel=$(uname -sr)
compiler=$($CC --version | head -1)
started=$(date -u '+%Y-%m-%d %H:%M UTC')

# --- Inputs -------------------------------------------------------------

# The session the explorer opens: the example's answers without the first
# question, so the first screen asks "How does traffic arrive?" with
# scores and a recommendation already showing.
grep -v '^  traffic:' "$src/data/example.yaml" >"$work/answers.yaml"

# A data directory whose model is ten times the shipped one.
mkdir -p "$work/x10/data"
"$bg" model 10 "$src/data/model.yaml" "$work/answers.yaml" \
    "$work/x10/data/model.yaml" "$work/answers-x10.yaml" >/dev/null
cp "$src/data/pricing.yaml" "$work/x10/data/"
rm -rf "$work/x10/themes"
cp -R "$src/themes" "$work/x10/themes"

# Session databases, remade when the programs change.
for n in $sizes; do
	db=$work/sessions-$n.db
	if [ ! -f "$db" ] || [ "$bg" -nt "$db" ] || [ "$tr" -nt "$db" ]; then
		say "saving $n sessions"
		rm -f "$db" "$db-wal" "$db-shm"
		"$bg" db "$n" "$src/data/model.yaml" "$work/answers.yaml" "$db" \
		    >/dev/null
	fi
done
"$bg" db 1 "$work/x10/data/model.yaml" "$work/answers-x10.yaml" \
    "$work/x10.db" >/dev/null

# The Node.js peer: enquirer, installed here once, if node and npm exist.
node_ok=0
node_ver=
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	if [ ! -d "$work/node/node_modules/enquirer" ]; then
		say "installing enquirer into $work/node"
		npm install --silent --no-audit --no-fund --prefix "$work/node" \
		    enquirer@2 >/dev/null 2>&1 || true
	fi
	if [ -d "$work/node/node_modules/enquirer" ]; then
		node_ok=1
		node_ver="node $(node --version), enquirer $(sed -n \
		    's/^  "version": "\(.*\)",$/\1/p' \
		    "$work/node/node_modules/enquirer/package.json")"
	else
		say "could not install enquirer: no Node.js peer"
	fi
fi

# --- Helpers ------------------------------------------------------------

# pty OPTION... -- PROGRAM...: ptybench with a fixed environment.
pty() {
	"$pb" -q "$quiet" -E TERM=xterm -E LANG=C.UTF-8 -E LC_ALL=C.UTF-8 \
	    -E "HOME=$work/home" -E "PATH=$PATH" -E TZ=UTC -E USER=bench \
	    -E LOGNAME=bench "$@"
}

# ptr DB DATADIR OPTION...: the explorer on session database DB (the
# program at $prog, by default the optimised build's).
ptr() {
	db=$1 dir=$2
	shift 2
	pty -E "TRADEOFF_DB=$db" -E "TRADEOFF_DATADIR=$dir" \
	    -E TRADEOFF_DB_JOURNAL=wal "$@" -- "${prog:-$tr}" --no-advance
}

menu_args='--title Workload --menu'
q='How does traffic arrive?'
a1='Bursty and unpredictable, with idle periods.'
a2='Steady, high throughput around the clock.'
a3='A steady baseline with bursts on top.'

# peer NAME OPTION...: dialog or whiptail showing the same question.
peer() {
	name=$1
	shift
	# shellcheck disable=SC2086
	pty -e "$a3" -e 'Cancel' "$@" -- "$name" $menu_args "$q" 12 70 3 \
	    Spiky "$a1" Steady "$a2" Mixed "$a3"
}

nodep() {
	pty -E "NODE_PATH=$work/node/node_modules" -e 'Mixed' -t 20000 "$@" \
	    -- node "$src/tests/bench/prompt.js"
}

# field NAME: the value of NAME=... in the line on standard input.
field() {
	sed -n "s/.* $1=\([^ ]*\).*/\1/p" | head -1
}

# median FILE COLUMN
median() {
	awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '
	    { v[NR] = $1 }
	    END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
		  else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# pct FILE COLUMN P: the P-th percentile (nearest rank).
pct() {
	awk -v c="$2" '{ print $c }' "$1" | sort -n | awk -v p="$3" '
	    { v[NR] = $1 }
	    END { i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; print v[i] }'
}

# calc EXPR: awk arithmetic, printed with FORMAT (default %.1f).
calc() {
	awk "BEGIN { printf \"${2:-%.1f}\", $1 }"
}

# callgrind_ir FILE: instructions counted in a callgrind output file.
callgrind_ir() {
	sed -n 's/^totals: *\([0-9]*\).*/\1/p; s/^summary: *\([0-9]*\).*/\1/p' \
	    "$1" | head -1
}

# fresh_db FROM TO: a copy of database FROM, without the journal or
# presence files of an earlier TO.
fresh_db() {
	rm -f "$2" "$2-wal" "$2-shm" "$2.live" "$2.live-wal" "$2.live-shm" \
	    "$2.live-journal"
	cp "$1" "$2"
}

# --- Start to first frame ----------------------------------------------

say "first frames: $rounds rounds of $per_round runs of each program"
rm -f "$work"/start.*
r=0
while [ "$r" -lt "$rounds" ]; do
	ptr "$work/sessions-$small.db" "$src" -n "$per_round" -e "$q" \
	    -r "$work/start.tradeoff" -d "$work/screen.tradeoff" >/dev/null
	peer dialog -n "$per_round" -r "$work/start.dialog" \
	    -d "$work/screen.dialog" >/dev/null
	peer whiptail -n "$per_round" -r "$work/start.whiptail" \
	    -d "$work/screen.whiptail" >/dev/null
	[ "$node_ok" = 0 ] || nodep -n "$per_round" -r "$work/start.node" \
	    -d "$work/screen.node" >/dev/null
	for n in $sizes; do
		[ "$n" = "$small" ] && continue
		ptr "$work/sessions-$n.db" "$src" -n "$per_round" -e "$q" \
		    -r "$work/start.sessions-$n" >/dev/null
	done
	ptr "$work/x10.db" "$work/x10" -n "$per_round" -e 'How does' \
	    -r "$work/start.x10" >/dev/null
	[ -z "$tr_st" ] || prog=$tr_st ptr "$work/sessions-$small.db" \
	    "$src" -n "$per_round" -e "$q" -r "$work/start.static" >/dev/null
	r=$((r + 1))
done
cp "$work/start.tradeoff" "$work/start.sessions-$small"

# --- Bytes per key ------------------------------------------------------

say "bytes per key"
fresh_db "$work/sessions-$small.db" "$work/keys.db"
ptr "$work/keys.db" "$src" -e "$q" -l "$work/keys-tradeoff.log" \
    -m "arrow:down,down,up,up:$keys" -m "answer:1,2:$keys" \
    -m "-:t:1" -m "table:right:$keys" -m "-:b:1" \
    -m "resize:size=100x30,size=80x24:$keys" -m "idle:wait=2000:1" \
    >"$work/keys.tradeoff"
fresh_db "$work/sessions-$small.db" "$work/keys.db"
ptr "$work/keys.db" "$src" -s 160x40 -e "$q" -l "$work/keys-wide.log" \
    -m "arrow:down,down,up,up:$keys" -m "answer:1,2:$keys" \
    >"$work/keys.wide"
peer dialog -l "$work/keys-dialog.log" -m "arrow:down,down,up,up:$keys" \
    >"$work/keys.dialog"
peer whiptail -l "$work/keys-whiptail.log" \
    -m "arrow:down,down,up,up:$keys" >"$work/keys.whiptail"
if [ "$node_ok" = 1 ]; then
	nodep -l "$work/keys-node.log" -m "arrow:down,down,up,up:$keys" \
	    >"$work/keys.node"
fi

# The session list, opened with s and closed with b: REPS times in each
# of ROUNDS rounds, the databases taking turns.
rm -f "$work"/list.*
r=0
while [ "$r" -lt "$list_rounds" ]; do
	for n in $sizes; do
		ptr "$work/sessions-$n.db" "$src" -e "$q" -R "$reps" \
		    -m "sessions:s:1" -m "-:b:1" -r "$work/list.$n" >/dev/null
	done
	r=$((r + 1))
done

# --- The workshop ------------------------------------------------------

# A change made elsewhere, on SCREENS explorers open on one database (WAL),
# each its own participant: bench_gen sets the answer through the
# session's verb and says when it committed; ptybench times each screen
# from then until it shows the answer, and counts its bytes.
say "the workshop: $changes changes made elsewhere, on $screens open screens"
sess=$(sed -n 's/^session: *//p' "$work/answers.yaml" | head -1)
fresh_db "$work/sessions-$small.db" "$work/ws.db"
set_cmd="'$bg' set '$src/data/model.yaml' '$work/ws.db' '$sess' traffic"
rm -f "$work/change.raw"
ptr "$work/ws.db" "$src" -E 'TRADEOFF_USER=p%i' -e "$q" -P "$screens" \
    -K "$changes" -C "arrive? = Spiky|$set_cmd spiky" \
    -C "arrive? = Steady|$set_cmd steady" -r "$work/change.raw" \
    -d "$work/screen.change" >"$work/change.tradeoff"

# An open explorer left alone: CPU time and wake-ups from /proc.
say "an idle explorer for $idle_s s"
fresh_db "$work/sessions-$small.db" "$work/idle.db"
ptr "$work/idle.db" "$src" -e "$q" -I "$((idle_s * 1000))" \
    >"$work/idle.tradeoff"

# VOTERS processes voting on one question at once, VOTE_ROUNDS times on
# a fresh database: every exit status, what each said, and the votes
# the session holds afterwards (export --format yaml).
say "the workshop: $vote_rounds rounds of $voters votes at once"
rm -f "$work/votes.rounds"
r=0
while [ "$r" -lt "$vote_rounds" ]; do
	fresh_db "$work/sessions-$small.db" "$work/votes.db"
	TRADEOFF_DATADIR=$src TRADEOFF_DB_JOURNAL=wal HOME=$work/home \
	    sh "$src/tests/bench/votes.sh" "$tr" "$work/votes.db" "$sess" \
	    traffic "$voters" spiky steady mixed >>"$work/votes.rounds"
	r=$((r + 1))
done

# --- Core microbenchmarks ----------------------------------------------

say "core microbenchmarks"
qflag=
[ "$quick" = 1 ] && qflag=-q
"$bc" $qflag -O model_load,model_parse,eval_flip,disagree \
    "$src/data/model.yaml" "$work/answers.yaml" >"$work/core.shipped"
"$bc" $qflag -O model_parse,eval_flip "$work/x10/data/model.yaml" \
    "$work/answers-x10.yaml" >"$work/core.x10"
for n in $sizes; do
	"$bc" $qflag -O store_start,session_page "$src/data/model.yaml" \
	    "$work/answers.yaml" "$work/sessions-$n.db" >"$work/core.db-$n"
done

# --- Instruction counts (callgrind) ------------------------------------

say "instruction counts (callgrind)"
# cg_op NAME COUNT MODEL ANSWERS [DB]: instructions per operation.
cg_op() {
	op=$1 k=$2
	shift 2
	out=$work/cg.op
	rm -f "$out"
	valgrind --tool=callgrind --toggle-collect=bench_measured \
	    --callgrind-out-file="$out" "$bc" -c "$op" -k "$k" "$@" \
	    >/dev/null 2>&1
	calc "$(callgrind_ir "$out") / $k" '%.0f'
}
ir_eval=$(cg_op eval_flip 200 "$src/data/model.yaml" "$work/answers.yaml")
ir_disagree=$(cg_op disagree 5 "$src/data/model.yaml" "$work/answers.yaml")
ir_eval10=$(cg_op eval_flip 20 "$work/x10/data/model.yaml" \
    "$work/answers-x10.yaml")
ir_load=$(cg_op model_load 20 "$src/data/model.yaml" "$work/answers.yaml")
ir_parse=$(cg_op model_parse 5 "$src/data/model.yaml" "$work/answers.yaml")
ir_parse10=$(cg_op model_parse 1 "$work/x10/data/model.yaml" \
    "$work/answers-x10.yaml")
for n in $sizes; do
	eval "ir_store_$n=\$(cg_op store_start 10 \"\$src/data/model.yaml\" \
	    \"\$work/answers.yaml\" \"\$work/sessions-\$n.db\")"
	eval "ir_page_$n=\$(cg_op session_page 3 \"\$src/data/model.yaml\" \
	    \"\$work/answers.yaml\" \"\$work/sessions-\$n.db\")"
done

# Whole programs: start, first frame, SIGTERM, exit.
cg_start() {
	out=$work/cg.start
	rm -f "$out"
	"$@" >/dev/null
	calc "$(callgrind_ir "$out") / 1e6" '%.2f'
}
vg="valgrind --tool=callgrind --callgrind-out-file=$work/cg.start"
cgpty() {
	pty -t 60000 -q 1000 "$@"
}
ir_start_tr=$(cg_start cgpty -E "TRADEOFF_DB=$work/sessions-$small.db" \
    -E "TRADEOFF_DATADIR=$src" -E TRADEOFF_DB_JOURNAL=wal -e "$q" -- $vg "$tr")
ir_start_st=-
[ -z "$tr_st" ] || ir_start_st=$(cg_start cgpty \
    -E "TRADEOFF_DB=$work/sessions-$small.db" -E "TRADEOFF_DATADIR=$src" \
    -E TRADEOFF_DB_JOURNAL=wal -e "$q" -- $vg "$tr_st")
ir_start_big=$(cg_start cgpty -E "TRADEOFF_DB=$work/sessions-$large.db" \
    -E "TRADEOFF_DATADIR=$src" -E TRADEOFF_DB_JOURNAL=wal -e "$q" -- $vg "$tr")
# shellcheck disable=SC2086
ir_start_dialog=$(cg_start cgpty -e "$a3" -- $vg dialog $menu_args "$q" \
    12 70 3 Spiky "$a1" Steady "$a2" Mixed "$a3")
# shellcheck disable=SC2086
ir_start_whiptail=$(cg_start cgpty -e "$a3" -- $vg whiptail $menu_args \
    "$q" 12 70 3 Spiky "$a1" Steady "$a2" Mixed "$a3")

# --- write() calls (strace) ----------------------------------------------

# Over SSH each write() the program makes can leave as a packet of its
# own, so the calls are counted too, where strace is installed: a start
# alone, and a start with WK keys, the difference per key.
wk=10
have_strace=0
command -v strace >/dev/null 2>&1 && have_strace=1
# traced LOG OPTION... -- PROGRAM...: ptybench on PROGRAM under strace.
traced() {
	log=$1
	shift
	rm -f "$log"
	pty -t 20000 "$@" >/dev/null
}
# writes LOG: write() calls to the terminal in LOG (not standard error).
writes() {
	grep -c '^write([013-9]' "$1" || true
}
st() { echo strace -o "$1" -e trace=write; }
if [ "$have_strace" = 1 ]; then
	say "write() calls (strace)"
	for p in tradeoff dialog whiptail; do
		for phase in base arrow answer; do
			[ "$p" != tradeoff ] && [ "$phase" = answer ] && continue
			log=$work/strace.$p.$phase
			wkeys=
			[ "$phase" = arrow ] && wkeys="arrow:down,down,up,up:$wk"
			[ "$phase" = answer ] && wkeys="answer:1,2:$wk"
			if [ "$p" = tradeoff ]; then
				fresh_db "$work/sessions-$small.db" "$work/keys.db"
				# shellcheck disable=SC2046
				traced "$log" -E "TRADEOFF_DB=$work/keys.db" \
				    -E "TRADEOFF_DATADIR=$src" \
				    -E TRADEOFF_DB_JOURNAL=wal -e "$q" \
				    ${wkeys:+-m "$wkeys"} -- $(st "$log") "$tr" --no-advance
			else
				# shellcheck disable=SC2046,SC2086
				traced "$log" -e "$a3" ${wkeys:+-m "$wkeys"} -- \
				    $(st "$log") "$p" $menu_args "$q" 12 70 3 \
				    Spiky "$a1" Steady "$a2" Mixed "$a3"
			fi
			eval "w_${p}_$phase=\$(writes \"\$log\")"
		done
	done
fi

load_end=$(cut -d' ' -f1-4 /proc/loadavg)

# --- The table ---------------------------------------------------------

ff() { median "$work/start.$1" 1; }
spread() {
	printf '%s-%s' "$(pct "$work/start.$1" 1 10)" \
	    "$(pct "$work/start.$1" 1 90)"
}
rss() { calc "$(median "$work/start.$1" 4)" '%.0f'; }
fbytes() { calc "$(median "$work/start.$1" 3)" '%.0f'; }
perkey() { grep "label=$2 " "$work/keys.$1" | field per_key; }
lat() { grep "label=$2 " "$work/keys.$1" | field latency_ms; }
corens() { grep "op=$2 " "$work/core.$1" | field ns; }
us() { calc "$1 / 1000" '%.1f'; }
kilo() { calc "$1 / 1000" '%.0fk'; }
verdict() {
	if [ "$(calc "$1" '%d')" = 1 ]; then echo met; else echo "NOT met"; fi
}
var() { eval "echo \$$1"; }

ff_tr=$(ff tradeoff) ff_wt=$(ff whiptail) ff_dl=$(ff dialog)
ff_node=- rss_node=- key_node=- fb_node=- sp_node=-
if [ "$node_ok" = 1 ]; then
	ff_node=$(ff node) rss_node=$(rss node) key_node=$(perkey node arrow)
	fb_node=$(fbytes node) sp_node=$(spread node)
fi
rss_tr=$(rss tradeoff) rss_wt=$(rss whiptail) rss_dl=$(rss dialog)
key_tr=$(perkey tradeoff arrow) key_wt=$(perkey whiptail arrow)
key_dl=$(perkey dialog arrow)
ans_tr=$(perkey tradeoff answer) ans_wide=$(perkey wide answer)
eval_ns=$(corens shipped eval_flip) eval10_ns=$(corens x10 eval_flip)
load_ns=$(corens shipped model_load)
parse_ns=$(corens shipped model_parse) parse10_ns=$(corens x10 model_parse)
mid=$(echo "$sizes" | cut -d' ' -f2)
ff_small=$(ff "sessions-$small") ff_large=$(ff "sessions-$large")
# listms N, listbytes N: median time to the settled list, mean bytes.
listms() {
	grep '^key sessions ' "$work/list.$1" >"$work/list.$1.keys"
	median "$work/list.$1.keys" 3
}
listbytes() {
	awk '$1 == "key" && $2 == "sessions" { b += $4; n++ }
	    END { printf "%.0f", n ? b / n : 0 }' "$work/list.$1"
}
list_mid=$(listms "$mid")
list_large=$(listms "$large")
ir_store_small=$(var "ir_store_$small") ir_store_large=$(var "ir_store_$large")
ir_page_mid=$(var "ir_page_$mid") ir_page_large=$(var "ir_page_$large")

ratio_ff=$(calc "$ff_tr / $ff_wt" '%.2f')
ratio_rss=$(calc "$rss_tr / $rss_wt" '%.2f')
ratio_key=$(calc "$key_tr / $key_wt" '%.2f')
ratio_ir=$(calc "$ir_start_tr / $ir_start_whiptail" '%.2f')
v_ff=$(verdict "$ff_tr <= $ff_wt")
v_ir=$(verdict "$ir_start_tr <= $ir_start_whiptail")
v_key=$(verdict "$key_tr <= 0.5 * $key_wt")
v_ans=$(verdict "$ans_tr <= 1000 && $ans_wide <= 1000")
v_eval=$(verdict "$eval_ns < 20000")
v_rss=$(verdict "$rss_tr <= 1.25 * $rss_wt")

# The workshop.
chg() { field "$1" <"$work/change.tradeoff"; }
idl() { field "$1" <"$work/idle.tradeoff"; }
chg_med=$(chg latency_ms) chg_p90=$(chg latency_ms_p90)
chg_max=$(chg latency_ms_max) chg_all=$(chg all_ms)
chg_all_max=$(chg all_ms_max) chg_bytes=$(chg per_screen)
idle_cpu=$(idl cpu_pct) idle_run=$(idl run_pct)
idle_wake=$(idl wakeups_per_s)
idle_vol=$(idl voluntary) idle_invol=$(idl nonvoluntary)
disagree_ns=$(corens shipped disagree)
workshop_line=$(grep '^core workshop ' "$work/core.shipped")
ws_evals=$(printf '%s\n' "$workshop_line" | field evaluations)
ws_disputed=$(printf '%s\n' "$workshop_line" | field disputed)
ws_questions=$(printf '%s\n' "$workshop_line" | field questions)
# votes.rounds: a line of votes.sh per round; the sums, the slowest.
vsum() {
	sed -n "s/.* $1=\([0-9]*\).*/\1/p" "$work/votes.rounds" |
	    awk '{ n += $1; if ($1 > m) m = $1 } END { print '"$2"' + 0 }'
}
votes_cast=$(vsum cast n) votes_saved=$(vsum saved n)
votes_failed=$(vsum failed n) votes_busy=$(vsum busy n)
votes_ms=$(vsum ms m)
v_chg=$(verdict "$chg_med < 100 && $chg_max < 250")
v_chg_all=$(verdict "$chg_all < 100 && $chg_all_max < 250")
v_chg_bytes=$(verdict "$chg_bytes <= $ans_tr")
# Both counts of CPU time: the scheduler's is the finer (-1: none).
v_idle_cpu=$(verdict "$idle_cpu < 0.5 && $idle_run < 0.5")
v_idle_wake=$(verdict "$idle_wake <= 10")
v_votes=$(verdict "$votes_saved == $votes_cast && $votes_failed == 0 && \
    $votes_busy == 0 && $votes_ms <= 1000")
v_disagree=$(verdict "$disagree_ns < 1000000")
# "Not slower": within 10% in time (the run-to-run noise of a shared
# machine is larger than that) and within 5% in instructions, which do
# not depend on the load.
v_start=$(verdict "$ff_large <= 1.10 * $ff_small && \
    $ir_store_large <= 1.05 * $ir_store_small && \
    $ir_start_big <= 1.05 * $ir_start_tr")
# The list shows one row with one session and a page of rows with more,
# so it is compared between two full pages: it must not grow with the
# number of sessions.
v_list=$(verdict "$list_large <= 1.10 * $list_mid && \
    $ir_page_large <= 1.05 * $ir_page_mid")

# The write() rows, when strace was there.
perwrite() {
	calc "($(var "w_$1_$2") - $(var "w_$1_base")) / $wk"
}
write_rows() {
	[ "$have_strace" = 1 ] || return 0
	printf '| write() calls, start to first frame and exit | %s | %s | %s | - | | |\n' \
	    "$w_tradeoff_base" "$w_dialog_base" "$w_whiptail_base"
	printf '| write() calls per arrow key | %s | %s | %s | - | | |\n' \
	    "$(perwrite tradeoff arrow)" "$(perwrite dialog arrow)" \
	    "$(perwrite whiptail arrow)"
	printf '| write() calls per answer change | %s | | | | | |\n' \
	    "$(perwrite tradeoff answer)"
}

# The three start figures of the build with SQLite linked in.
static_rows() {
	[ -n "$tr_st" ] || return 0
	printf '| the same, SQLite linked in (--enable-static-sqlite): first frame ms; instructions, millions; peak RSS, KiB | %s; %s; %s | | | | <= whiptail; <= whiptail; <= 1.25x whiptail | %s: %sx; %s: %sx; %s: %sx |\n' \
	    "$(ff static)" "$ir_start_st" "$(rss static)" \
	    "$(verdict "$(ff static) <= $ff_wt")" \
	    "$(calc "$(ff static) / $ff_wt" '%.2f')" \
	    "$(verdict "$ir_start_st <= $ir_start_whiptail")" \
	    "$(calc "$ir_start_st / $ir_start_whiptail" '%.2f')" \
	    "$(verdict "$(rss static) <= 1.25 * $rss_wt")" \
	    "$(calc "$(rss static) / $rss_wt" '%.2f')"
}

table() {
	cat <<EOF
tradeoff $(sed -n 's/^PACKAGE_VERSION = //p' "$build/Makefile"), make bench$( [ "$quick" = 1 ] && printf ' (BENCH_QUICK=1)'), $started
machine: $cpu, $cores cores, $kernel; load average (1, 5, 15 min; running/all tasks) $load_start at the start, $load_end at the end
compiler: $compiler, CFLAGS=-O2; ncurses $(pkgver libncursesw6), SQLite $(pkgver libsqlite3-0), libyaml $(pkgver libyaml-0-2)
peers: dialog $(pkgver dialog), whiptail $(pkgver whiptail) (newt $(pkgver libnewt0.52), S-Lang $(pkgver libslang2))${node_ver:+, $node_ver}
terminal: a pseudo-terminal, TERM=xterm, LANG=C.UTF-8, 80x24 unless said; $runs runs per first frame ($rounds rounds, the programs taking turns); $keys keys per key figure

| measure | tradeoff | dialog | whiptail | node | budget (DESIGN.md 9) | verdict |
|---|---:|---:|---:|---:|---|---|
| first frame, ms: median (p10-p90) | $ff_tr ($(spread tradeoff)) | $ff_dl ($(spread dialog)) | $ff_wt ($(spread whiptail)) | $ff_node ($sp_node) | <= 1.0x whiptail | $v_ff: ${ratio_ff}x |
| instructions to first frame and exit, millions | $ir_start_tr | $ir_start_dialog | $ir_start_whiptail | - | <= whiptail | $v_ir: ${ratio_ir}x |
| bytes of the first frame | $(fbytes tradeoff) | $(fbytes dialog) | $(fbytes whiptail) | $fb_node | | |
| peak RSS, KiB | $rss_tr | $rss_dl | $rss_wt | $rss_node | <= 1.25x whiptail | $v_rss: ${ratio_rss}x |
$(static_rows)
| bytes per arrow key (cursor move) | $key_tr | $key_dl | $key_wt | $key_node | <= 1/2 whiptail | $v_key: ${ratio_key}x |
$(write_rows)
| bytes per answer change (scores) | $ans_tr | | | | <= 1,000 | $v_ans |
| bytes per answer change, 160x40 (scores and side table) | $ans_wide | | | | <= 1,000 | $v_ans |
| key to settled screen, answer change, ms | $(lat tradeoff answer) | | | | | |
| bytes per table switch (t, then ->) | $(perkey tradeoff table) | | | | | |
| bytes per resize (80x24 <-> 100x30) | $(perkey tradeoff resize) | | | | | |
| bytes in 2 s without a key | $(grep 'label=idle ' "$work/keys.tradeoff" | field bytes) | | | | | |
| one evaluation with flip, shipped model: us (instructions) | $(us "$eval_ns") ($(kilo "$ir_eval")) | | | | < 20 us | $v_eval |
| one evaluation of a $(printf '%s\n' "$workshop_line" | field idents)-participant workshop, every question disputed ($ws_disputed of $ws_questions; $ws_evals evaluations with flip): us (instructions) | $(us "$disagree_ns") ($(kilo "$ir_disagree")) | | | | < 1 ms | $v_disagree |
| one evaluation with flip, x10 model: us (instructions) | $(us "$eval10_ns") ($(kilo "$ir_eval10")) | | | | | $(calc "$eval10_ns / $eval_ns")x the time, $(calc "$ir_eval10 / $ir_eval")x the instructions |
| loading the shipped model (compiled in): us (instructions) | $(us "$load_ns") ($(kilo "$ir_load")) | | | | | |
| loading the shipped model, parsing its YAML: us (instructions) | $(us "$parse_ns") ($(kilo "$ir_parse")) | | | | | |
| loading the x10 model, parsing its YAML: us (instructions) | $(us "$parse10_ns") ($(kilo "$ir_parse10")) | | | | | $(calc "$parse10_ns / $parse_ns")x the time, $(calc "$ir_parse10 / $ir_parse")x the instructions |
| first frame with the x10 model, median ms | $(ff x10) | | | | | |
| a change made elsewhere, on each of $screens open screens, ms: median (p90, worst) of $((screens * changes)) | $chg_med ($chg_p90, $chg_max) | | | | median < 100, worst < 250 | $v_chg |
| the same change, until the last of the $screens screens shows it, ms: median (worst) of $changes | $chg_all ($chg_all_max) | | | | median < 100, worst < 250 | $v_chg_all |
| bytes per screen for a change made elsewhere (made here: $ans_tr) | $chg_bytes | | | | <= the same change made here | $v_chg_bytes |
| an idle explorer, $idle_s s: % of a core, utime+stime (scheduler's count) | $idle_cpu ($idle_run) | | | | < 0.5% | $v_idle_cpu |
| an idle explorer, $idle_s s: wake-ups per second (voluntary, involuntary switches) | $idle_wake ($idle_vol, $idle_invol) | | | | <= 10 | $v_idle_wake |
| $voters votes at once on one question, $vote_rounds rounds: saved of cast, failed, refused as busy; slowest round ms | $votes_saved of $votes_cast, $votes_failed, $votes_busy; $votes_ms | | | | every vote saved, none refused as busy | $v_votes |
EOF
	for n in $sizes; do
		printf '| first frame with %s saved sessions, median ms (store at start: us, instructions) | %s (%s, %s) | | | | ' \
		    "$n" "$(ff "sessions-$n")" \
		    "$(us "$(corens "db-$n" store_start)")" \
		    "$(kilo "$(var "ir_store_$n")")"
		if [ "$n" = "$large" ]; then
			printf 'with %s: not slower than with %s | %s: %sx the time; instructions %sx in the store, %sx in all (%s M) |\n' \
			    "$large" "$small" "$v_start" \
			    "$(calc "$ff_large / $ff_small" '%.2f')" \
			    "$(calc "$ir_store_large / $ir_store_small" '%.3f')" \
			    "$(calc "$ir_start_big / $ir_start_tr" '%.3f')" \
			    "$ir_start_big"
		else
			printf '| |\n'
		fi
	done
	for n in $sizes; do
		printf '| session list (s) with %s sessions: ms to settled, bytes (page read: us, instructions) | %s, %s (%s, %s) | | | | ' \
		    "$n" "$(listms "$n")" "$(listbytes "$n")" \
		    "$(us "$(corens "db-$n" session_page)")" \
		    "$(kilo "$(var "ir_page_$n")")"
		if [ "$n" = "$large" ]; then
			printf 'not slower with %s than with %s (a full page each) | %s: %sx the time, %sx the instructions |\n' \
			    "$large" "$mid" "$v_list" \
			    "$(calc "$list_large / $list_mid" '%.2f')" \
			    "$(calc "$ir_page_large / $ir_page_mid" '%.3f')"
		elif [ "$n" = "$small" ]; then
			printf '| one row, not a page |\n'
		else
			printf '| |\n'
		fi
	done
}

table >"$BENCH_DIR/results.md"
cat "$BENCH_DIR/results.md"
say "the table is in $BENCH_DIR/results.md; raw figures, screens and logs in $work"
