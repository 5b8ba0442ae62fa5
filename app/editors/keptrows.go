package editors

import (
	"slices"

	"fyne.io/fyne/v2"

	"rpbmatrix/model"
)

// keptRows shows one row per key in a box. It builds the rows only for a
// new list of keys and otherwise reloads the ones shown, so an entry being
// typed in keeps its focus through the refresh its own commit causes.
type keptRows[R any] struct {
	box   *fyne.Container
	keys  []model.PairKey
	rows  []R
	built bool
	empty func() fyne.CanvasObject // shown when there is no row
}

// show shows a row per key: build makes a row and its object, reload
// shows a kept row's stored state again.
func (k *keptRows[R]) show(keys []model.PairKey, build func(model.PairKey) (R, fyne.CanvasObject), reload func(R)) {
	if k.built && slices.Equal(keys, k.keys) {
		for _, r := range k.rows {
			reload(r)
		}
		return
	}
	k.keys, k.rows, k.built = keys, k.rows[:0], true
	objs := make([]fyne.CanvasObject, 0, len(keys))
	for _, key := range keys {
		r, o := build(key)
		k.rows = append(k.rows, r)
		objs = append(objs, o)
	}
	if len(objs) == 0 {
		objs = append(objs, k.empty())
	}
	k.box.Objects = objs
	k.box.Refresh()
}

// forget makes the next show build its rows afresh.
func (k *keptRows[R]) forget() { k.keys, k.rows, k.built = nil, nil, false }
