package ui

// pager feeds a virtualised list from paged queries: the list asks for row
// i, and the pager fetches the page holding it once, so scrolling through
// ten thousand rows never loads them all.
type pager[T any] struct {
	pageSize int
	count    int
	pages    map[int][]T
	fetch    func(offset, limit int) ([]T, error)
	onError  func(error)
}

func newPager[T any](pageSize int, fetch func(offset, limit int) ([]T, error)) *pager[T] {
	return &pager[T]{pageSize: pageSize, pages: map[int][]T{}, fetch: fetch}
}

// reset forgets the cached pages; count is the new number of rows.
func (p *pager[T]) reset(count int) {
	p.count = count
	p.pages = map[int][]T{}
}

func (p *pager[T]) len() int { return p.count }

// get returns row i, fetching its page if needed.
func (p *pager[T]) get(i int) (T, bool) {
	var zero T
	if i < 0 || i >= p.count {
		return zero, false
	}
	n := i / p.pageSize
	page, ok := p.pages[n]
	if !ok {
		var err error
		page, err = p.fetch(n*p.pageSize, p.pageSize)
		if err != nil {
			if p.onError != nil {
				p.onError(err)
			}
			return zero, false
		}
		p.pages[n] = page
	}
	if j := i - n*p.pageSize; j < len(page) {
		return page[j], true
	}
	return zero, false
}
