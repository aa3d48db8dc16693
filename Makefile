# Partnerskab: build, run and test.
#
#   make run     install what is missing, build and start the program (ARGS="--db x.db")
#   make test    install what is missing, then run every check the project has
#   make windows build the Windows program and its two MSI installers (build/windows/)
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
# The version comes from FyneApp.toml, not from git: no VCS stamping, so a
# build also works without git or in a checkout owned by another user.
BUILDFLAGS := -buildvcs=false
VERSION    := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
# The MSI's upgrade table tells "the same version" as [VERSION, next patch).
NEXT_PATCH := $(shell echo '$(VERSION)' | awk -F. '{ printf "%d.%d.%d", $$1, $$2, $$3 + 1 }')

# fyne package (fyne.io/tools) puts the icon, version and manifest from
# FyneApp.toml into the Windows program; pinned, installed into .bin/.
FYNE_TOOLS := v1.7.4
FYNE       := $(CURDIR)/.bin/fyne-$(FYNE_TOOLS)/fyne
WINOUT     := build/windows
MSI        := Partnerskab-$(VERSION).msi
MSI_IT     := Partnerskab-$(VERSION)-alle-brugere.msi
DEB        := build/partnerskab_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null || echo amd64).deb

.PHONY: all run build windows msi deb windows-smoke test fmt-check vet unit race bench deps icon clean help

all: build

help:
	@sed -n '3,4p' Makefile | sed 's/^# //'
	@echo "  make build     build ./$(BIN) (cgo, OpenGL window)"
	@echo "  make windows   build $(WINOUT)/: partnerskab.exe, partnerskab.com and the MSIs"
	@echo "  make deb       build $(DEB)"
	@echo "  make windows-smoke  build, then install the MSI under Wine and run it"
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
	bash scripts/no-screen-check.sh ./$(BIN)

$(FYNE):
	GOBIN=$(dir $(FYNE)) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS)

# The GUI program (no console window) with icon and version resource from
# fyne package, its console twin partnerskab.com (tools/consoleexe: same
# bytes, console subsystem), the icon file, and the MSIs. fyne package
# builds once without and once with its resources unless the program is
# already there; an empty placeholder saves the first build. It also counts
# Build up in FyneApp.toml on every run; the file is put back, so a build
# leaves the checkout as it was.
windows: $(FYNE)
	@mkdir -p $(WINOUT)
	touch $(EXE)
	cp FyneApp.toml $(WINOUT)/FyneApp.toml.keep
	GOOS=windows GOARCH=amd64 CC=$(WIN_CC) GOFLAGS=$(BUILDFLAGS) $(FYNE) package -os windows -release; \
		rc=$$?; mv -f $(WINOUT)/FyneApp.toml.keep FyneApp.toml; exit $$rc
	mv -f Partnerskab.exe $(WINOUT)/partnerskab.exe
	$(GO) run ./tools/consoleexe -o $(WINOUT)/partnerskab.com $(WINOUT)/partnerskab.exe
	$(GO) run ./tools/genicon -ico $(WINOUT)/partnerskab.ico
	@$(MAKE) --no-print-directory msi

# Per user (the caseworker, no administrator rights) and per machine (IT).
msi:
	cd $(WINOUT) && wixl -a x64 -D Version=$(VERSION) -D SameVersionBelow=$(NEXT_PATCH) -D Scope=perUser \
		-D Bin=. -o $(MSI) $(CURDIR)/packaging/partnerskab.wxs
	cd $(WINOUT) && wixl -a x64 -D Version=$(VERSION) -D SameVersionBelow=$(NEXT_PATCH) -D Scope=perMachine \
		-D Bin=. -o $(MSI_IT) $(CURDIR)/packaging/partnerskab.wxs
	@ls -l $(WINOUT)/$(MSI) $(WINOUT)/$(MSI_IT)

deb: build
	bash packaging/deb.sh $(VERSION) ./$(BIN) $(DEB)
	desktop-file-validate packaging/deb/dk.partnerskab.app.desktop
	dpkg-deb --info $(DEB) | sed -n '/Package:/,$$p'

# Installs the MSI under Wine and runs the installed program against the
# Linux build (packaging/windows-smoke.sh says what it checks).
windows-smoke: build windows
	bash packaging/windows-smoke.sh $(WINOUT) ./$(BIN)

# Everything, in order of speed: format, vet, headless tests, race tests,
# the real window binary and its .deb, the Windows program and its MSIs,
# and the Windows program installed and run under Wine.
# The tests without and with the race detector run side by side (both
# cores stay busy while the longest package finishes); each prints its
# output when done.
test: deps
	$(MAKE) --no-print-directory fmt-check vet
	@start=$$(date +%s); $(MAKE) --no-print-directory -j2 --output-sync=target unit race; \
		echo "make test: the tests took $$(( $$(date +%s) - start )) s"
	$(MAKE) --no-print-directory build deb windows windows-smoke
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
# The race detector runs where goroutines are: the store's parallel reads,
# its backups and an import's placement writer (data, and data/csvio, whose
# tests import the most), the sealing and rendering caches (data/agreement),
# the collation cache (data/dk) and the window's workers (ui/...). The
# command line (.) runs none of its own: what it calls is checked in its
# own package, and `unit` runs all of them. Under -race the
# SQLite tests of data/ can pass go test's default 10 minutes on a busy
# 2-core machine; the limit is for a hung test, not a slow one.
# SQLite itself (modernc.org/sqlite and its libc, C translated to Go) is
# not instrumented: its locking is its own and is not what these tests
# check, and instrumenting its every memory access made it ten times
# slower, most of the race run. Everything that calls it, Fyne included,
# still is, and sync/atomic stay seen by the detector in any package.
# The window's package, the longest under -race, is named first so that it
# starts first, and the others run beside it.
RACE_PKGS := ./ui/... ./data ./data/agreement ./data/csvio ./data/dk
RACE_UNINSTRUMENTED := -gcflags='modernc.org/...=-race=false'
race:
	CGO_ENABLED=1 $(GO) test -race $(RACE_UNINSTRUMENTED) -timeout 30m -tags $(TEST_TAGS) $(RACE_PKGS)

# The Go benchmarks, then the signed demo agreement exported by the program
# next to LibreOffice converting its text (LibreOffice only for this).
# Every benchmark (the samples they measure on are built once into the user's
# cache folder: the first run takes some minutes longer), then the growth
# check (1.000.000 placements at most 3x 100.000), the real window's start
# and memory under Xvfb, and the export next to LibreOffice.
bench: build
	@bash scripts/deps.sh --bench
	@mkdir -p build
	CGO_ENABLED=0 $(GO) test -tags $(TEST_TAGS) -run '^$$' -bench . -benchmem -timeout 90m ./... | tee build/bench.txt
	bash scripts/growth-check.sh build/bench.txt
	bash scripts/window-start.sh ./$(BIN)
	bash scripts/compare-libreoffice.sh

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
	rm -rf $(BIN) $(EXE) build
