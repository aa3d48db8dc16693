# Partnerskab: build, run and test.
#
#   make run     install what is missing, build and start the program (ARGS="--db x.db")
#   make test    install what is missing, then run every check the project has
#
# `go build` and `go test` do not read FyneApp.toml, so its [Migrations]
# fyneDo = true is passed here as the build tag migrated_fynedo.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# Go installed from go.dev lives in /usr/local/go; find it even when it is not on PATH.
export PATH := $(PATH):/usr/local/go/bin

GO        ?= go
BIN       := partnerskab
EXE       := partnerskab.exe
TAGS      := migrated_fynedo
TEST_TAGS := ci,migrated_fynedo
WIN_CC    ?= x86_64-w64-mingw32-gcc
ARGS      ?=
# The version comes from the code, not from git: no VCS stamping, so a build
# also works without git or in a checkout owned by another user.
BUILDFLAGS := -buildvcs=false

.PHONY: all run build windows test fmt-check vet unit race bench deps icon clean help

all: build

help:
	@sed -n '3,4p' Makefile | sed 's/^# //'
	@echo "  make build     build ./$(BIN) (cgo, OpenGL window)"
	@echo "  make windows   cross-compile ./$(EXE) with mingw-w64"
	@echo "  make bench     run the benchmarks"
	@echo "  make mutation  mutation testing with gremlins (slow; not part of make test)"
	@echo "  make deps      install missing Debian packages and Go modules"
	@echo "  make icon      redraw assets/icon.png"
	@echo "  make clean     remove the built binaries"

deps:
	@bash scripts/deps.sh

run: deps build
	./$(BIN) $(ARGS)

build:
	CGO_ENABLED=1 $(GO) build $(BUILDFLAGS) -tags $(TAGS) -o $(BIN) .

windows:
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=$(WIN_CC) \
		$(GO) build $(BUILDFLAGS) -tags $(TAGS) -ldflags "-H=windowsgui" -o $(EXE) .

# Everything, in order of speed: format, vet, headless tests, race tests,
# the real window binary, the Windows binary.
test: deps
	$(MAKE) --no-print-directory fmt-check vet unit race build windows
	@echo "make test: all checks passed"

fmt-check:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w):"; echo "$$out"; exit 1; fi
	@echo "gofmt: ok"

vet:
	CGO_ENABLED=0 $(GO) vet -tags $(TEST_TAGS) ./...

unit:
	CGO_ENABLED=0 $(GO) test -tags $(TEST_TAGS) ./...

# -race needs cgo; the ci tag still selects Fyne's software driver, so no display is needed.
race:
	CGO_ENABLED=1 $(GO) test -race -tags $(TEST_TAGS) ./...

bench:
	CGO_ENABLED=0 $(GO) test -tags $(TEST_TAGS) -run '^$$' -bench . -benchmem ./...

# Mutation testing, not part of make test (it takes a quarter of an hour):
# gremlins changes the code one condition or operator at a time and runs the
# package's tests; a change that no test notices is a rule nothing guards.
# data/dk and data/csvio are mutated whole and must keep 95 % of their
# mutants killed with none uncovered; the rest of the module, whose tests
# take longer, only on the lines changed since MUTATION_BASE (gremlins
# diffs from the merge base). A path is a whole subtree to gremlins, and
# only the module root lines up with git's file names, so that run is one.
GREMLINS_VERSION := v0.6.0
GREMLINS         := .bin/gremlins-$(GREMLINS_VERSION)
MUTATION_WHOLE   := ./data/dk ./data/csvio
MUTATION_BASE    ?= main
MUTATION_FLAGS   := --tags $(TEST_TAGS)

.PHONY: mutation
mutation: $(GREMLINS)
	@# A mutant's tests may take 30 times the unmutated run: in the small
	@# packages compiling each mutant is most of the time.
	@for p in $(MUTATION_WHOLE); do \
		echo "mutation: $$p, every mutant (at least 95 % killed, none uncovered)"; \
		CGO_ENABLED=0 $(GREMLINS) unleash $(MUTATION_FLAGS) --timeout-coefficient 30 \
			--threshold-efficacy 95 --threshold-mcover 100 $$p; \
	done
	@echo "mutation: the rest, the lines changed since $(MUTATION_BASE)"
	CGO_ENABLED=0 $(GREMLINS) unleash $(MUTATION_FLAGS) --diff $(MUTATION_BASE) \
		$(foreach p,$(MUTATION_WHOLE),--exclude-files '^$(patsubst ./%,%,$(p))/') .

# gremlins at a pinned version from the module proxy, in the checkout's .bin.
$(GREMLINS):
	GOBIN=$(CURDIR)/.bin $(GO) install github.com/go-gremlins/gremlins/cmd/gremlins@$(GREMLINS_VERSION)
	mv .bin/gremlins $@

icon:
	$(GO) run ./tools/genicon -o assets/icon.png

clean:
	rm -f $(BIN) $(EXE)
