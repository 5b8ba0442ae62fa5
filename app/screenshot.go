//go:build screenshot || ci

package app

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rpbmatrix/model"
	"rpbmatrix/model/demo"
	"rpbmatrix/storage"
)

// shotNames are the PNG names of the views, in tab order.
var shotNames = []string{"overview", "matrix", "heatmap", "authorities", "offices", "catalogue"}

// Screenshots renders every main view of the project at path ("" for the
// demo project) with Fyne's software driver, no display needed, into outDir
// as 1-overview.png … 6-catalogue.png, plus 7-overview-office.png for the
// weakest office. lang is "zh" or "en" ("" for the system's). The file is
// opened read-only, and the embedded fonts are used, so the pictures are the
// same on every machine.
func Screenshots(outDir, path, lang string, size fyne.Size) error {
	quietCLocale()
	if lang == "" {
		lang = DefaultLanguage()
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	if path == "" {
		demo, cleanup, err := tempDemo()
		if err != nil {
			return err
		}
		defer cleanup()
		path = demo
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true, Timeout: openTimeout})
	if err != nil {
		return err
	}
	defer st.Close()

	a := test.NewApp()
	defer a.Quit()
	if err := SetLanguage(lang); err != nil {
		return err
	}
	// The software driver runs theme changes at once only off the main
	// goroutine (the desktop driver claims main in its init), so render there.
	done := make(chan error)
	go func() { done <- render(a, st, outDir, size) }()
	return <-done
}

// render draws every view of st into outDir.
func render(a fyne.App, st *storage.Store, outDir string, size fyne.Size) error {
	w := test.NewWindow(nil)
	defer w.Close()
	m := newMainWindow(a, w, false)
	m.setStore(st)
	w.Resize(size)

	weakest := weakestOffice(m.sess.Result())
	write := func(name string) (err error) {
		f := filepath.Join(outDir, name+".png")
		// The software painter panics on a shape laid out at a negative
		// size; one bad view must not cost the pictures of the others.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%s: drawing the view failed: %v", f, r)
			}
		}()
		img := capture(w)
		out, err := os.Create(f)
		if err != nil {
			return err
		}
		if err := png.Encode(out, img); err != nil {
			out.Close()
			return fmt.Errorf("%s: %w", f, err)
		}
		return out.Close()
	}
	// Every view of the whole project, the matrix last: it opens on the
	// weakest office with its worst item selected, so the detail shows.
	// A view that fails to draw is reported after the others are written.
	var errs []error
	for i, name := range shotNames {
		if i == tabMatrix {
			continue
		}
		m.tabs.SelectIndex(i)
		errs = append(errs, write(fmt.Sprintf("%d-%s", i+1, name)))
	}
	matrixShot := fmt.Sprintf("%d-%s", tabMatrix+1, shotNames[tabMatrix])
	if weakest == model.NilID {
		m.tabs.SelectIndex(tabMatrix)
		return errors.Join(append(errs, write(matrixShot))...)
	}
	m.sess.SetOffice(weakest)
	m.tabs.SelectIndex(tabOverview)
	errs = append(errs, write(fmt.Sprintf("%d-overview-office", len(shotNames)+1)))
	m.sess.ShowMatrix(weakest, "", worstDuty(m.sess.Result(), weakest))
	return errors.Join(append(errs, write(matrixShot))...)
}

// capture draws the window as the desktop driver would show it.
func capture(w fyne.Window) image.Image {
	settleLayout(w.Content())
	defer hideClippedOut(w.Canvas())()
	return w.Canvas().Capture()
}

// weakestOffice is the office with the lowest balance index, NilID if none.
func weakestOffice(r *model.Result) model.ID {
	best, id := 2.0, model.NilID
	for oid, os := range r.Offices {
		if os.Items > 0 && (os.Balance < best || os.Balance == best && oid.String() < id.String()) {
			best, id = os.Balance, oid
		}
	}
	return id
}

// worstDuty is the office's duty with the largest gap, NilID if none.
func worstDuty(r *model.Result, office model.ID) model.ID {
	if w := r.Worst(office, 1); len(w) > 0 {
		return w[0].Duty
	}
	return model.NilID
}

// tempDemo writes the embedded demo project to a temporary file.
func tempDemo() (string, func(), error) {
	dir, err := os.MkdirTemp("", "rpbmatrix-shots-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	p, err := demo.Project()
	if err != nil {
		cleanup()
		return "", nil, err
	}
	path := filepath.Join(dir, demoFileName)
	st, err := storage.Create(path, p, storage.Options{Author: "demo", NoSync: true})
	if err != nil {
		cleanup()
		return "", nil, err
	}
	st.Close()
	return path, cleanup, nil
}
