#!/usr/bin/env bash
# The speed and memory benchmark (SPEC section 7). Run by hand, not by ctest:
#
#     cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2
#     tests/bench/run.sh build            # scales 0.5 1 2
#     tests/bench/run.sh build 0.25 0.5   # any scales
#
# For each scale it generates two national forests with generate.py, the normal one and one
# with little free text (`--text low`: the same records in fewer bytes), cached in
# tests/bench/out/scale-S and scale-S-low (git-ignored; regenerated when generate.py
# changes), then times
# bench_baseline (every file loaded with yaml-cpp's YAML::LoadAllFromFile on one thread),
# `tfm check`, `tfm report` and `tfm allocate` (next year's Work Groups from the offers
# generate.py writes for 2026/27) on each, RUNS times each (default 3; the median wall time is
# shown, the peak RSS is the largest seen), and prints one table row per forest plus the
# cost per MB of YAML at each scale (linear cost means a flat line). Environment:
# RUNS=N, BENCH_OUT=DIR (where forests are cached), SEED=N, TEXTS="normal low" (which
# forests).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run.sh BUILD_DIR [SCALE...]}
shift
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(0.5 1 2)
runs=${RUNS:-3}
seed=${SEED:-1}
read -r -a texts <<<"${TEXTS:-normal low}"
out_root=${BENCH_OUT:-$here/out}
as_of=2026-11-26
report_year=2025/26
allocate_year=2026/27   # the year after the forest's last: generate.py writes its offers

tfm=$build/tfm
baseline=$build/tests/bench_baseline
for exe in "$tfm" "$baseline"; do
    [ -x "$exe" ] || { echo "run.sh: $exe is missing; build with -DBUILD_TESTING=ON" >&2; exit 2; }
done
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
[ "$build_type" = Release ] || echo "run.sh: warning: $build is a '${build_type:-?}' build, not Release" >&2
if [ ! -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time is missing (Debian package \`time\`): apt-get install -y time" >&2
    exit 2
fi

stamp_of() { echo "seed=$seed text=$1 $(sha256sum "$here/generate.py" | cut -c1-16)"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=$(mktemp)
trap 'rm -f "$results" "$results".*' EXIT

for scale in "${scales[@]}"; do
    for text in "${texts[@]}"; do
        case $text in
            normal) forest=$out_root/scale-$scale; label=$scale ;;
            low) forest=$out_root/scale-$scale-low; label="$scale-low" ;;
            *) echo "run.sh: TEXTS holds '$text': each is normal or low" >&2; exit 2 ;;
        esac
        if [ "$(cat "$forest/.stamp" 2>/dev/null)" != "$(stamp_of "$text")" ]; then
            rm -rf "$forest"
            echo "generating scale $scale ($text text) in $forest ..." >&2
            python3 "$here/generate.py" "$forest" --scale "$scale" --seed "$seed" --text "$text" >&2
            stamp_of "$text" >"$forest/.stamp"
        fi
        hubs=("$forest"/hub-*)
        dash_c=()
        for h in "${hubs[@]}"; do dash_c+=(-C "$h"); done
        bytes=$(find "${hubs[@]}" -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%s\n' | awk '{s += $1} END {print s}')
        files=$(find "${hubs[@]}" -type f \( -name '*.yaml' -o -name '*.yml' \) | wc -l)
        # Read the forest once so every program finds it in the page cache.
        find "${hubs[@]}" -type f -name '*.yaml' -exec cat {} + >/dev/null

        # The check must pass: a forest with errors would time the wrong work.
        if ! "$tfm" --as-of "$as_of" "${dash_c[@]}" check -q 2>"$results.err"; then
            echo "run.sh: tfm check reports errors on scale $label:" >&2
            head -20 "$results.err" >&2
            exit 1
        fi

        for what in baseline check report allocate; do
            case $what in
                baseline) cmd=("$baseline" "${hubs[@]}") ;;
                check) cmd=("$tfm" --as-of "$as_of" "${dash_c[@]}" check) ;;
                report) cmd=("$tfm" --as-of "$as_of" "${dash_c[@]}" report --year "$report_year") ;;
                allocate) cmd=("$tfm" --as-of "$as_of" "${dash_c[@]}" allocate "$allocate_year" --format json) ;;
            esac
            for ((i = 1; i <= runs; i++)); do
                /usr/bin/time -f "%e %U %S %M" -o "$results.time" "${cmd[@]}" >/dev/null 2>"$results.err" ||
                    { echo "run.sh: $what failed:" >&2; cat "$results.err" >&2; exit 1; }
                echo "$label $bytes $files $what $(tail -1 "$results.time")" >>"$results"
            done
            echo "  scale $label: $what done" >&2
        done
    done
done

python3 - "$results" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$load_before" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    scale, size, files, what, wall, user, sys_, rss = line.split()
    r = rows.setdefault(scale, {"bytes": int(size), "files": int(files)})
    r.setdefault(what, []).append((float(wall), float(user) + float(sys_), int(rss) * 1024))

def med(r, what, i):
    return statistics.median(x[i] for x in r[what])

hdr = ["scale", "forest MB", "files", "baseline s", "check s", "check/baseline", "report s",
       "report/baseline", "allocate/baseline", "peak RSS MB check/report", "RSS/forest check/report",
       "CPU s baseline/check/report", "check cores busy"]
out = []
for scale, r in rows.items():
    mb = r["bytes"] / 1e6
    b, c, p, a = (med(r, w, 0) for w in ("baseline", "check", "report", "allocate"))
    crss = max(x[2] for x in r["check"])
    prss = max(x[2] for x in r["report"])
    cpu = [med(r, w, 1) for w in ("baseline", "check", "report")]
    out.append([scale, f"{mb:.1f}", str(r["files"]), f"{b:.2f}", f"{c:.2f}", f"{c / b:.2f}",
                f"{p:.2f}", f"{p / b:.2f}", f"{a / b:.2f}", f"{crss / 1e6:.0f} / {prss / 1e6:.0f}",
                f"{crss / r['bytes']:.2f} / {prss / r['bytes']:.2f}",
                " / ".join(f"{x:.1f}" for x in cpu), f"{cpu[1] / c:.2f}"])
width = [max(len(h), *(len(row[i]) for row in out)) for i, h in enumerate(hdr)]
print("| " + " | ".join(h.rjust(w) for h, w in zip(hdr, width)) + " |")
print("|" + "|".join("-" * (w + 1) + ":" for w in width) + "|")
for row in out:
    print("| " + " | ".join(v.rjust(w) for v, w in zip(row, width)) + " |")
print()
for what in ("baseline", "check", "report", "allocate"):
    per = [f"{scale}: {med(r, what, 0) / (r['bytes'] / 1e6) * 1000:.0f} wall, "
           f"{med(r, what, 1) / (r['bytes'] / 1e6) * 1000:.0f} CPU" for scale, r in rows.items()]
    print(f"linearity, {what} ms per MB at each scale: " + "; ".join(per))
print(f"\nmedian of {len(next(iter(rows.values()))['check'])} runs; {sys.argv[2]} cores; "
      f"load average before {sys.argv[4]}, after {sys.argv[3]}")
EOF
