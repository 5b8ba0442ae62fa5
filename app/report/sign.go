package report

import (
	"github.com/signintech/gopdf"

	"rpbmatrix/model/words"
)

// The signature block's geometry: the space above it, the seal's
// diameter, and the room below the seal it needs on its page.
const signGap, signSeal, signFoot = 14.0, 76.0, 10.0

// signHeight is the room the signature block needs below what it signs:
// the last row of the table above keeps that much with it (table.last).
const signHeight = signGap + signSeal + signFoot

// signedIf is the room a table keeps below its last row for the signature
// block when last (the table ends a signed part), else none.
func signedIf(last bool) float64 {
	if last {
		return signHeight
	}
	return 0
}

// signBlock prints what a filed page is signed and sealed on: lines for
// 经办人, 审核人 and 分管领导签发, the date, and a round dashed area for the
// seal beside them. It stays whole on one page.
func (d *doc) signBlock() {
	const rowH, seal = 30.0, signSeal
	d.y += signGap
	d.fits(seal + signFoot)
	top := d.y
	st := body.sized(10.5)
	fieldsW := d.width() - seal - 40
	colW := fieldsW / 2
	// field prints a label and a line to sign on; on holds what is printed
	// on the line (the date's 年 月 日).
	field := func(col, row int, label, on string) {
		x, y := d.margin+float64(col)*colW, top+float64(row)*rowH+6
		d.text(x, y, colW-16, 16, label, st)
		lx, rx := x+d.measure(label, st)+2, x+colW-24
		d.rule(lx, y+15, rx, y+15, 0.5, black)
		d.text(lx, y, rx-lx, 16, on, st.with(gopdf.Right))
	}
	field(0, 0, words.Say(d.lang, "report.sign.prepared"), "")
	field(1, 0, words.Say(d.lang, "report.sign.reviewed"), "")
	field(0, 1, words.Say(d.lang, "report.sign.approved"), "")
	field(1, 1, words.Say(d.lang, "report.sign.date"), words.Say(d.lang, "report.sign.date_blanks"))

	x := d.margin + d.width() - seal - 10
	d.pdf.SetLineWidth(0.6)
	d.pdf.SetStrokeColor(midGrey.R, midGrey.G, midGrey.B)
	d.pdf.SetLineType("dashed")
	d.pdf.Oval(x, top, x+seal, top+seal)
	d.pdf.SetLineType("solid")
	d.text(x, top+seal/2-7, seal, 14, words.Say(d.lang, "report.sign.seal"), small.colored(midGrey).with(gopdf.Center))
	d.y = top + seal + 6
}
