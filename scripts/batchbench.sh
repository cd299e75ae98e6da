#!/usr/bin/env bash
# batchbench.sh — the batch with the store against the batch before it.
#
# Builds two duban binaries — this working tree ("store") and the last
# commit before the SQLite store was introduced ("before": the parent of
# the first commit touching store/) — generates notice sets with
# internal/gen (the same sets for both), and runs `duban run` over each set
# at each -j with /usr/bin/time -v, alternating the binaries so both see
# the same machine. It prints one table row per run: wall time, notices/s,
# user and system CPU, CPU ms per notice, peak RSS, output files, and
# /proc/loadavg at the start of the run (a run at a load above the number
# of cores measures the other programs too; read the CPU columns then).
#
# One command, from the repository root:
#
#	scripts/batchbench.sh
#
# Settings (environment):
#
#	SIZES="250 500 1000 2000"  notices per set
#	JOBS="1 2"                 -j values
#	BEFORE=<rev>               the "before" revision (default: found as above)
#	SEED=1                     gennotices series seed
#	WORK=/tmp/batchbench       binaries, notice sets and outputs (reused:
#	                           delete it to regenerate the sets; the sets
#	                           must be real folders — duban does not follow
#	                           a symbolic link given as input)
#	KEEP=1                     keep each run's output folder
#
# Needs Go, g++ (gojieba; both binaries are built the same way) and GNU
# time (/usr/bin/time, Debian package "time"). The full default series
# runs each binary over 3,750 notices twice: about 15 minutes on a quiet
# 2-core machine.
set -euo pipefail

root=$(git rev-parse --show-toplevel)
cd "$root"
SIZES=${SIZES:-"250 500 1000 2000"}
JOBS=${JOBS:-"1 2"}
SEED=${SEED:-1}
WORK=${WORK:-/tmp/batchbench}
BEFORE=${BEFORE:-$(git rev-parse "$(git log --format=%H -- store/ | tail -1)^")}
AS_OF=2025-06-30 # both binaries mark lights as of the same day

[ -x /usr/bin/time ] || { echo "batchbench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
mkdir -p "$WORK/bin"

echo "# building store ($(git rev-parse --short HEAD)$(git diff --quiet || echo +changes)) and before ($(git rev-parse --short "$BEFORE"))" >&2
go build -o "$WORK/bin/store" ./cmd/duban
go build -o "$WORK/bin/gennotices" ./internal/gen/cmd/gennotices
src="$WORK/before-src"
rm -rf "$src" && mkdir -p "$src"
git archive "$BEFORE" | tar -x -C "$src"
(cd "$src" && go build -o "$WORK/bin/before" ./cmd/duban)

for n in $SIZES; do
	set_dir="$WORK/notices-$n-seed$SEED"
	if [ ! -d "$set_dir" ]; then
		echo "# generating $n notices" >&2
		"$WORK/bin/gennotices" -n "$n" -seed "$SEED" -o "$set_dir.tmp" && mv "$set_dir.tmp" "$set_dir"
	fi
done

field() { grep "$1" "$2" | awk '{print $NF}'; }
seconds() { # h:mm:ss or m:ss.cc → seconds
	awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$1"
}

printf '%-7s %6s %3s %9s %10s %8s %7s %13s %8s %6s %6s  %s\n' \
	binary notices j wall_s notices/s user_s sys_s cpu_ms/notice peak_MB files read loadavg
first=before
for n in $SIZES; do
	for j in $JOBS; do
		# Alternate which binary goes first, so neither always runs on the
		# warmer (or busier) minute.
		if [ "$first" = before ]; then order="before store"; first=store; else order="store before"; first=before; fi
		for b in $order; do
			out="$WORK/out-$b-$n-j$j"
			rm -rf "$out"
			load=$(cut -d' ' -f1-3 /proc/loadavg)
			log="$WORK/time-$b-$n-j$j.txt"
			if ! /usr/bin/time -v "$WORK/bin/$b" run -q -j "$j" --as-of "$AS_OF" -o "$out" "$WORK/notices-$n-seed$SEED" 2>"$log"; then
				echo "batchbench: $b over $n notices at -j $j failed; see $log" >&2
				tail -5 "$log" >&2
				continue
			fi
			wall=$(seconds "$(field 'Elapsed (wall clock)' "$log")")
			user=$(field 'User time' "$log")
			sys=$(field 'System time' "$log")
			rss=$(field 'Maximum resident set size' "$log")
			files=$(find "$out" -type f | wc -l)
			# notices with a folder of records: all of them, unless some
			# generated file failed (a run that read nothing is no result)
			read=$(find "$out/notices" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l)
			awk -v b="$b" -v n="$n" -v j="$j" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v f="$files" -v d="$read" -v l="$load" \
				'BEGIN { printf "%-7s %6d %3d %9.1f %10.1f %8.1f %7.1f %13.1f %8.0f %6d %6d  %s\n", b, n, j, w, n / w, u, s, (u + s) * 1000 / n, r / 1024, f, d, l }'
			[ -n "${KEEP:-}" ] || rm -rf "$out"
		done
	done
done
