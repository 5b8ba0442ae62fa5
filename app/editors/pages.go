package editors

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"rpbmatrix/app/session"
)

// AuthorityPages is the authority catalogue and, in a second tab, the
// holdings of the selected office: the two halves of "who may do what".
// Each half refreshes only while its tab is the one on screen.
type AuthorityPages struct {
	tabs      *container.AppTabs
	catalogue *AuthoritiesView
	holdings  *HoldingsView
	onScreen  func() bool
}

// NewAuthorityPages builds the two tabs, titled catalogueTitle and holdingsTitle.
func NewAuthorityPages(s *session.Session, win fyne.Window, catalogueTitle, holdingsTitle string) *AuthorityPages {
	v := &AuthorityPages{catalogue: NewAuthoritiesView(s, win), holdings: NewHoldingsView(s, win)}
	v.tabs = container.NewAppTabs(
		container.NewTabItem(catalogueTitle, v.catalogue.CanvasObject()),
		container.NewTabItem(holdingsTitle, v.holdings.CanvasObject()),
	)
	tab := func(i int) func() bool {
		return func() bool { return (v.onScreen == nil || v.onScreen()) && v.tabs.SelectedIndex() == i }
	}
	v.catalogue.SetOnScreen(tab(0))
	v.holdings.SetOnScreen(tab(1))
	v.tabs.OnSelected = func(*container.TabItem) { v.Shown() }
	return v
}

// CanvasObject is the two tabs.
func (v *AuthorityPages) CanvasObject() fyne.CanvasObject { return v.tabs }

// SetOnScreen tells the pages whether their own tab is on screen.
func (v *AuthorityPages) SetOnScreen(f func() bool) { v.onScreen = f }

// Shown brings the half on screen up to date.
func (v *AuthorityPages) Shown() {
	if v.tabs.SelectedIndex() == 0 {
		v.catalogue.Shown()
	} else {
		v.holdings.Shown()
	}
}
