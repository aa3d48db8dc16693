package ui

// The window builds every tab at start, but a tab reads the store only when
// it first comes to the front: on a big database the lists, choices and sums
// of the tabs not shown cost seconds before the window opened, and the
// memory of what they held. What a tab's parts read when built is kept here
// (atFirstShow) and run the first time the tab is selected; after that the
// tab re-reads as before, each time it comes to the front.

// The tabs' indexes, in the order the window shows them.
const (
	tabOverview = iota
	tabPartners
	tabPremises
	tabStaffing
	tabTemplates
	tabAgreements
	tabPartnership
	tabCount
)

// firstShows is what each tab reads when it first comes to the front.
type firstShows struct {
	building int        // the tab being built, whose reads wait; -1 once the window is built
	pending  [][]func() // by tab index, in the order its parts asked
	started  []bool     // by tab index: the tab has read its data
}

// build runs construct, the constructor of tab i, keeping its reads for
// later.
func (w *Window) build(i int, construct func()) {
	if w.lazy.pending == nil {
		w.lazy.pending, w.lazy.started = make([][]func(), tabCount), make([]bool, tabCount)
	}
	w.lazy.building = i
	construct()
	w.lazy.building = -1
}

// atFirstShow runs read when the tab being built first comes to the front,
// or at once outside the window's building (a panel made later).
func (w *Window) atFirstShow(read func()) {
	if w.lazy.pending == nil || w.lazy.building < 0 {
		read()
		return
	}
	w.lazy.pending[w.lazy.building] = append(w.lazy.pending[w.lazy.building], read)
}

// startTab lets tab i read its data if it has not yet; it tells whether it
// did now.
func (w *Window) startTab(i int) bool {
	if w.lazy.started[i] {
		return false
	}
	w.lazy.started[i] = true
	reads := w.lazy.pending[i]
	w.lazy.pending[i] = nil
	for _, read := range reads {
		read()
	}
	return true
}

// started tells whether tab i has read its data.
func (w *Window) started(i int) bool { return w.lazy.started[i] }
