#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md in one run: the machine and its
# load, the analysis benchmarks (criterion, 23 KB to 50 MB, and the scaling
# sweep), the server's latency and memory (benches/lsp_latency.rs against the
# release binary), and `baogao outline` against `wc -m` on a 50 MB text
# (hyperfine), and the server again through Neovim's own LSP client
# (benches/nvim-latency.sh), and last the commands on the compilation pasted
# on one line and on texts of 20,000 and 80,000 headings or reports
# (hyperfine). Needs cargo, python3 and hyperfine. Results also go to
# target/bench-results/.
#
#   bash benches/run.sh            # everything (about 10 minutes on 2 cores)
#   QUICK=1 bash benches/run.sh    # without the 15 MB and 50 MB analysis cases
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench-results
mkdir -p "$out"
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

echo "## Machine"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
free -h | sed -n 1,2p
rustc --version
load

cargo build --release --locked --bin baogao
cargo bench --locked --no-run

echo
echo "## Analysis (criterion)"
load
if [ -z "${QUICK:-}" ]; then export BAOGAO_BENCH_LARGE=1; fi
cargo bench --locked --bench analysis -- --noplot 2>&1 | tee "$out/analysis.txt" |
  grep -E '^(full|stage|scaling)/|time:|thrpt:'
python3 benches/tables.py target/criterion | tee "$out/tables.md"
load

echo
echo "## Server (LSP over stdio, release binary)"
load
cargo bench --locked --bench lsp_latency | tee "$out/lsp.md"
load

echo
echo "## Server, measured by Neovim's own LSP client"
load
BAOGAO_BIN=target/release/baogao bash benches/nvim-latency.sh | tee "$out/nvim.md"
BAOGAO_BIN=target/release/baogao BAOGAO_POSITION_ENCODING=utf-16 bash benches/nvim-latency.sh |
  tee "$out/nvim-utf16.md"
load

echo
echo "## baogao outline vs wc -m, 50 MB"
big="$out/synthetic-50MB.txt"
if [ ! -s "$big" ]; then
  # The 545 KB compilation repeated, as the analysis benchmark does.
  for _ in $(seq 97); do
    cat tests/fixtures/compilation-22.txt
    echo
  done >"$big"
fi
ls -l "$big"
load
LC_ALL=C.UTF-8 hyperfine --shell=none --warmup 1 --runs 10 \
  --export-markdown "$out/outline-vs-wc.md" \
  "target/release/baogao outline $big" \
  "wc -m $big"
load

echo
echo "## A compilation pasted on one line, 545 KB and 5.4 MB"
# The line breaks of the compilation taken out (one copy, then ten): every
# position the commands print is deep inside one line, and the cost must
# still grow with the size, not with its square.
one="$out/one-line-545KB.txt"
ten="$out/one-line-5MB.txt"
tr -d '\n\r' <tests/fixtures/compilation-22.txt >"$one"
for _ in $(seq 10); do cat "$one"; done >"$ten"
ls -l "$one" "$ten"
load
hyperfine --shell=none --warmup 1 --runs 5 -i \
  --export-markdown "$out/one-line.md" \
  "target/release/baogao outline --json $one" \
  "target/release/baogao outline --json $ten" \
  "target/release/baogao check $one" \
  "target/release/baogao check $ten" \
  "target/release/baogao metrics --json $one" \
  "target/release/baogao metrics --json $ten"
load

echo
echo "## Many headings, many reports (20,000 and 80,000 each)"
# Shapes no real report has, at two sizes four times apart: the time must
# grow about four times, not sixteen.
python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
numerals = "一二三四五六七八九十"
for n in (20000, 80000):
    with open(f"{out}/headings-{n}.txt", "w", encoding="utf-8") as f:
        f.writelines(f"{numerals[i % 10]}、加强地方立法工作\n" for i in range(n))
    report = ("某某市人民代表大会常务委员会工作报告\n各位代表:\n一、过去一年的主要工作\n"
              "召开会议9次。\n二、今年主要任务\n各位代表,让我们团结奋斗!\n")
    with open(f"{out}/reports-{n}.txt", "w", encoding="utf-8") as f:
        f.write(report * n)
PY
load
hyperfine --shell=none --runs 3 -i \
  --export-markdown "$out/shapes.md" \
  "target/release/baogao check --format json $out/headings-20000.txt" \
  "target/release/baogao check --format json $out/headings-80000.txt" \
  "target/release/baogao metrics --json $out/reports-20000.txt" \
  "target/release/baogao metrics --json $out/reports-80000.txt"
load
