#!/usr/bin/env bash
# The command a user runs, measured as a whole process, next to peers run the same way on the same file:
#   ./storytrace analyze CORPUS --fast --no-embeddings (the launcher, as users run it; the fast tier: ingest, passages, stories, topics, stories.json, report)
#   Spark MLlib MinHashLSH (local[2]) and a Lucene MinHashFilter index (PeerCommand: read, shingle, near-duplicate pairs)
# Prints each one's wall time, articles/s and peak RSS, and storytrace's speed ratio to each peer.
# With DEEP=N, also the deep tier (names, quotes, time; entities, quote groups, timeline, facts, summaries per
# story): analyze with and without it on the first N articles, the deep tier's articles/s per core from the CPU
# time the two runs differ by, and each stage's runs, milliseconds each and rate per core (analyze --timings).
# Usage: [DEEP=1000] scripts/bench-command.sh CORPUS.jsonl [HEAP]   (HEAP for storytrace, default 2g; the peers get 8g)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$1"; heap="${2:-2g}"
[ -f "$corpus" ] || { echo "bench-command: no corpus $corpus (make one with ./storytrace generate)" >&2; exit 2; }
./storytrace --version > /dev/null   # builds the command-line jar if needed
./storytrace build-spark             # builds the Spark module (the peers) if needed
# the builds just wrote ~150 MB (the Spark module's libraries), written back while the first command ran: analyze at 20k
# took 9.28 and 9.36 s right after a build, 7.7-8.3 s otherwise, and 8.77 s right after a build with this sync (session 29,
# one run). Each command starts with nothing left to write back, whatever ran before it.
sync
cp="storytrace-spark/target/classes:storytrace-spark/target/lib/*"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
n=$(grep -c . "$corpus")
measure() { # name, then the command; prints "name seconds articles_per_s peak_rss_mb"
  local name="$1"; shift
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$name.out" 2> "$work/$name.err" || { echo "$name failed:" >&2; tail -5 "$work/$name.err" >&2; exit 1; }
  read -r secs rss < "$work/time"
  awk -v n="$n" -v s="$secs" -v r="$rss" -v name="$name" 'BEGIN { printf "%s.seconds %.2f\n%s.articles_per_s %.0f\n%s.peak_rss_mb %.0f\n", name, s, name, n / s, name, r / 1024 }'
  echo "$secs" > "$work/$name.secs"
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "corpus: $corpus ($n articles, $(du -h "$corpus" | cut -f1))"
# through the launcher, as the README runs it: its JVM options (the heap, the throughput collector) are part of the command
measure storytrace_analyze env STORYTRACE_JAVA_OPTS=-Xmx"$heap" ./storytrace analyze "$corpus" --fast --no-embeddings --out "$work/out"
measure spark_mllib_minhashlsh java -Xmx8g -cp "$cp" org.storytrace.spark.PeerCommand mllib "$corpus" "$work/mllib.tsv"
measure lucene_minhashfilter java -Xmx8g -cp "$cp" org.storytrace.spark.PeerCommand lucene "$corpus" "$work/lucene.tsv"
st=$(cat "$work/storytrace_analyze.secs")
for peer in spark_mllib_minhashlsh lucene_minhashfilter; do
  awk -v a="$(cat "$work/$peer.secs")" -v b="$st" -v p="$peer" 'BEGIN { printf "storytrace_speedup_over_%s %.2f\n", p, a / b }'
done
if [ -n "${DEEP:-}" ]; then
  head -n "$DEEP" "$corpus" > "$work/deep.jsonl"
  for tier in fast deep; do
    flag=""; [ "$tier" = fast ] && flag="--fast"
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/$tier.time" env STORYTRACE_JAVA_OPTS=-Xmx"$heap" ./storytrace analyze "$work/deep.jsonl" $flag \
      --no-embeddings --timings \
      --out "$work/$tier" > /dev/null 2> "$work/$tier.err"
  done
  # each deep-tier stage: article stages per article, story stages per story (thread time, so the rate is per core)
  sed -n 's/^timings: stage \([a-z-]*\): \([0-9]*\) runs, \([0-9.]*\) ms each, \([0-9.]*\) a second per core$/deep_stage.\1.runs \2\ndeep_stage.\1.ms_each \3\ndeep_stage.\1.per_s_per_core \4/p' "$work/deep.err"
  read -r fs fu fsys frss < "$work/fast.time"
  read -r ds du dsys drss < "$work/deep.time"
  awk -v n="$DEEP" -v fs="$fs" -v fu="$fu" -v fsys="$fsys" -v ds="$ds" -v du="$du" -v dsys="$dsys" -v drss="$drss" 'BEGIN {
    fc = fu + fsys; dc = du + dsys
    printf "deep_tier.articles %d\nanalyze_fast.seconds %.2f\nanalyze_deep.seconds %.2f\nanalyze_deep.peak_rss_mb %.0f\n", n, fs, ds, drss / 1024
    printf "deep_tier.cpu_ms_per_article %.1f\ndeep_tier.articles_per_s_per_core %.1f\n", (dc - fc) * 1000 / n, n / (dc - fc) }'
fi
