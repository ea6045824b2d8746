# kbassist — `make run` opens the app on the bundled knowledge/, `make test` runs the suite.
# Setup is idempotent: the venv is rebuilt only when pyproject.toml changes.

PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
APT_PKGS := libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-xkb1 libxcb-shape0 libxcb-randr0 \
	libxcb-render-util0 libxcb-image0 libxcb-xinerama0 fonts-noto-cjk xvfb xauth xdotool xclip
# The peers the benchmark compares with: `rg` and Recoll's command-line programs (recollindex, recollq).
BENCH_APT_PKGS := ripgrep recollcmd

export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup run test bench bench-quick package clean-index

setup: $(STAMP)

$(STAMP): pyproject.toml
	@bash tools/apt-deps.sh $(APT_PKGS)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# The CPU wheel first: an open range would pull the multi-GB CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[st,gui,test,bench,server,api]'
	touch $(STAMP)

run: setup
	$(BIN)/kbassist gui knowledge --index-dir index

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

bench: setup
	@bash tools/apt-deps.sh $(BENCH_APT_PKGS)
	$(BIN)/python -m bench.run

bench-quick: setup
	@bash tools/apt-deps.sh $(BENCH_APT_PKGS)
	$(BIN)/python -m bench.run --quick

package: setup
	$(BIN)/pip install -q -e '.[package]'
	cd packaging && ../$(BIN)/pyinstaller --noconfirm --distpath ../dist --workpath ../build kbassist.spec

clean-index:
	rm -rf index/current index/building index/old
