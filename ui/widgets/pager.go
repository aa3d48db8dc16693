package widgets

// Pager feeds a virtualised list from paged queries: the list asks for row
// i, and the pager fetches the page holding it once, so scrolling through
// ten thousand rows never loads them all.
type Pager[T any] struct {
	pageSize int
	count    int
	pages    map[int][]T
	fetch    func(offset, limit int) ([]T, error)
	OnError  func(error)
}

func NewPager[T any](pageSize int, fetch func(offset, limit int) ([]T, error)) *Pager[T] {
	return &Pager[T]{pageSize: pageSize, pages: map[int][]T{}, fetch: fetch}
}

// Reset forgets the cached pages; count is the new number of rows.
func (p *Pager[T]) Reset(count int) {
	p.count = count
	p.pages = map[int][]T{}
}

func (p *Pager[T]) Len() int { return p.count }

// Get returns row i, fetching its page if needed.
func (p *Pager[T]) Get(i int) (T, bool) {
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
			if p.OnError != nil {
				p.OnError(err)
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
