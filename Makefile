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
# Under -race the package with the big database takes most of go test's
# default ten minutes on a busy machine; the limit is for a hung test.
race:
	CGO_ENABLED=1 $(GO) test -race -timeout 30m -tags $(TEST_TAGS) ./...

bench:
	CGO_ENABLED=0 $(GO) test -tags $(TEST_TAGS) -run '^$$' -bench . -benchmem ./...

icon:
	$(GO) run ./tools/genicon -o assets/icon.png

clean:
	rm -f $(BIN) $(EXE)
