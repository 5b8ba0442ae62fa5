package report

// runeTable maps characters to values in pages of 256, each allocated when
// first written: a report measures the same few thousand characters some
// million times, and a look-up here is two indexings where a map hashes.
type runeTable[T any] struct {
	pages  [256]*[256]slot[T] // the Basic Multilingual Plane
	astral map[rune]T         // the rest
}

type slot[T any] struct {
	v  T
	ok bool
}

func (t *runeTable[T]) get(r rune) (T, bool) {
	if r >= 0 && r < 0x10000 {
		if p := t.pages[r>>8]; p != nil {
			s := p[r&0xff]
			return s.v, s.ok
		}
		var zero T
		return zero, false
	}
	v, ok := t.astral[r]
	return v, ok
}

func (t *runeTable[T]) put(r rune, v T) {
	if r >= 0 && r < 0x10000 {
		p := t.pages[r>>8]
		if p == nil {
			p = new([256]slot[T])
			t.pages[r>>8] = p
		}
		p[r&0xff] = slot[T]{v, true}
		return
	}
	if t.astral == nil {
		t.astral = map[rune]T{}
	}
	t.astral[r] = v
}

// widthTable holds the advances of one face at one size.
type widthTable struct {
	f    *face
	size float64
	runeTable[float64]
}

// widthsOf is the table of the face at the size (a report sets a dozen).
func (d *doc) widthsOf(f *face, size float64) *widthTable {
	if t := d.lastWidths; t != nil && t.f == f && t.size == size {
		return t
	}
	for _, t := range d.widths {
		if t.f == f && t.size == size {
			d.lastWidths = t
			return t
		}
	}
	t := &widthTable{f: f, size: size}
	d.widths = append(d.widths, t)
	d.lastWidths = t
	return t
}
