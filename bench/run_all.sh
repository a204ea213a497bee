#!/usr/bin/env bash
# Run every benchmark with its defaults (see bench/README.md); extra arguments go
# to bench_pipeline.py, e.g. `bench/run_all.sh --docs 500 --sizes 50,100,250,500`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" bench/bench_pipeline.py --dask local:2 "$@"
"$PY" bench/profile_pipeline.py --docs 300 --top 30
"$PY" bench/bench_memory.py --docs 5000
