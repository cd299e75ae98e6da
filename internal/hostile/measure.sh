#!/usr/bin/env bash
# measure.sh: the hostile inputs of issue 16 under /usr/bin/time -v.
#
#   internal/hostile/measure.sh [-t SECONDS] [-m KB] [-k] [-r] [-F] [-p GLOB] [-g DIR] LABEL=DUBAN …
#
# Run from the repository root. genhostile writes every case into a temp
# folder (or DIR, reused if it exists); each duban binary then runs
# `duban extract` on each file (and `duban run` on the text files over the
# size limit and those naming thousands of units, `duban import` on the
# workbooks of too many cells into a store the sample was run into, and
# once over a folder of the sample with every hostile file beside it),
# each with a timeout (-t, default 60 s, killed after;
# five times that for the run over the folder)
# and a virtual-memory ulimit (-m, default 4 GB) so that nothing swaps.
# Prints a markdown table: case, input size, binary, exit code, first line
# of the error, wall time, peak RSS. -k keeps the folder; -r skips the
# run over the whole folder, -F does only that run; -p measures only the
# cases whose file name matches GLOB (e.g. 'ofd-*').
set -euo pipefail
shopt -s extglob

timeout_s=60 vmem_kb=$((4 << 20)) keep= gen= folder_run=1 each=1 pattern='*'
while getopts "t:m:kg:rFp:" o; do
	case $o in
	t) timeout_s=$OPTARG ;;
	m) vmem_kb=$OPTARG ;;
	k) keep=1 ;;
	g) gen=$OPTARG ;;
	r) folder_run= ;;
	F) each= ;;
	p) pattern=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: $0 [-t s] [-m kb] [-k] [-r] [-g dir] LABEL=DUBAN …" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "$0: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
dir=${gen:-$work/cases}
if [ ! -d "$dir" ]; then
	go run ./internal/hostile/cmd/genhostile -o "$dir" >&2
fi

size() { numfmt --to=iec-i --suffix=B "$(stat -c %s "$1")"; }

# measure LABEL BIN CASE SIZE ARGS…: one row of the table.
measure() {
	local label=$1 bin=$2 name=$3 sz=$4
	shift 4
	local tf=$work/time err=$work/stderr code
	set +e
	(
		ulimit -v "$vmem_kb"
		exec /usr/bin/time -v -o "$tf" timeout -s KILL "${limit_s:-$timeout_s}" "$bin" "$@" >/dev/null 2>"$err"
	)
	code=$?
	set -e
	local wall rss msg
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tf")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tf")
	# the first line naming the file (run names it below its count), else
	# the first line
	msg=$({ grep -F -m1 "${name#* }: " "$err" || grep -v '^\s*$' "$err" | grep -v '^\[' | head -1; } | sed "s|$dir/||g; s|$work/||g; s/^ *//" | cut -c1-200 | sed 's/|/\\|/g' || true)
	if [ "$code" = 137 ] || grep -q 'terminated by signal 9' "$tf"; then
		wall=">${limit_s:-$timeout_s} s (killed)" rss=""
	fi
	if grep -q 'fatal error: out of memory\|cannot allocate memory' "$err"; then
		msg="out of memory (ulimit -v $((vmem_kb >> 20)) GB): $msg"
	fi
	printf '| %s | %s | %s | %s | %s | %s | %s MB |\n' "$name" "$sz" "$label" "$code" "${msg:-(none)}" "$wall" "$([ -n "$rss" ] && echo "$((rss / 1024))" || echo –)"
}

echo "machine: $(nproc) CPUs, $(free -g | awk '/Mem:/{print $2}') GB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | size | duban | exit | first line of stderr | wall | peak RSS |"
echo "|---|---|---|---|---|---|---|"
for f in "$dir"/*; do
	[ -n "$each" ] || break
	name=$(basename "$f")
	# shellcheck disable=SC2254
	case $name in $pattern) ;; *) continue ;; esac
	for lb in "$@"; do
		measure "${lb%%=*}" "${lb#*=}" "extract $name" "$(size "$f")" extract "$f"
	done
	case $name in
	txt-sample-*MB.txt)
		for lb in "$@"; do
			measure "${lb%%=*}" "${lb#*=}" "run $name" "$(size "$f")" run -q --formats xlsx -o "$work/out-${lb%%=*}-$name" "$f"
			rm -rf "$work/out-${lb%%=*}-$name"
		done
		;;
	txt-distinct-units-*.txt)
		# every document of every unit, as a run makes them
		for lb in "$@"; do
			measure "${lb%%=*}" "${lb#*=}" "run $name" "$(size "$f")" run -q -j 1 -o "$work/out-${lb%%=*}-$name" "$f"
			rm -rf "$work/out-${lb%%=*}-$name"
		done
		;;
	xlsx-cells-*.xlsx)
		# a return sheet or ledger of too many cells, imported
		for lb in "$@"; do
			imp=$work/imp-${lb%%=*}
			[ -d "$imp" ] || "${lb#*=}" run -q --formats xlsx -o "$imp" seeds/lianyungang-2024-22.txt >/dev/null 2>&1
			measure "${lb%%=*}" "${lb#*=}" "import $name" "$(size "$f")" import -q --formats xlsx -o "$imp" "$f"
		done
		;;
	esac
done
if [ -n "$folder_run" ]; then
	# the sample beside every hostile file but the largest: one run
	all=$work/folder
	mkdir -p "$all"
	cp seeds/lianyungang-2024-22.txt "$all/"
	for f in "$dir"/*; do
		[ "$(stat -c %s "$f")" -lt $((100 << 20)) ] && { ln "$f" "$all/" 2>/dev/null || cp "$f" "$all/"; }
	done
	for lb in "$@"; do
		n=$(ls "$all" | wc -l)
		limit_s=$((5 * timeout_s)) measure "${lb%%=*}" "${lb#*=}" "run: sample + $((n - 1)) hostile files" "$(du -sh "$all" | cut -f1)" run -q -j 1 --formats xlsx -o "$work/out-folder-${lb%%=*}" "$all"
		if [ -f "$work/out-folder-${lb%%=*}/summary.json" ]; then
			echo "  ${lb%%=*} summary: $(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s.get("counts"))' "$work/out-folder-${lb%%=*}/summary.json")" >&2
		fi
	done
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
