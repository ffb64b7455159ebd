#!/usr/bin/env bash
# Quality gate: score the extraction core on the dev corpus and fail when a pinned floor in
# eval/baseline.json is crossed.  The corpus lives beside the checkout (../shared/corpus/dev);
# where it is absent (a fresh clone), the gate is skipped, loudly, without failing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(dirname "$repo")/shared/corpus/dev"
python="${PYTHON:-$repo/.venv/bin/python}"
[ -x "$python" ] || python=python3

if [ ! -d "$corpus" ]; then
    echo "quality gate skipped: ../shared/corpus/dev not found (looked for $corpus)"
    exit 0
fi

cd "$repo"
exec "$python" -m newscrawl eval "$corpus" --workers 2 --gate eval/baseline.json "$@"
