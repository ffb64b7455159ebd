# Two commands do all the set-up on a fresh machine with python3 and make:
#   make demo   - serve the bundled demo site on 127.0.0.1, crawl it, write JSONL under data/
#   make test   - the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval bench schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newscrawl demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Quality on the shared real-page corpus (see README, "Evaluation").
eval: $(STAMP)
	$(BIN)/newscrawl eval ../shared/corpus/dev --compare trafilatura,trafilatura-precision --workers 2

# Speed and memory of the core vs plain trafilatura, side by side in one run.
bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py --memory

schema: $(STAMP)
	$(BIN)/newscrawl schema --write

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
