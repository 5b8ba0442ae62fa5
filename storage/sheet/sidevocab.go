package sheet

import "rpbmatrix/model/words"

// codedField is a column kind of a sheet other than a duty list (a
// proposals or a staffing sheet): named in catalogue keys by its code.
type codedField interface {
	comparable
	code() string
	name() words.Msg
}

// sideVocab recognises such a sheet: its header synonyms, and the words its
// sheet name contains.
type sideVocab[F codedField] struct {
	synonyms   map[string]F // normalised header text → field
	sheetWords []string     // folded
	conflicts  []string     // texts two fields claim (a test checks there are none)
}

// loadSideVocab reads the vocabulary of area from the catalogue:
// sheet.<area>.header.<code>.synonyms and the fields' names for the
// headers, sheet.recognise.<area>_sheet for the sheet names.
func loadSideVocab[F codedField](area string, fields []F) *sideVocab[F] {
	return loadSideVocabAt("sheet."+area+".header.", "sheet.recognise."+area+"_sheet", fields)
}

// loadSideVocabAt is loadSideVocab for a vocabulary whose keys are
// <headerPrefix><code>.synonyms and sheetKey.
func loadSideVocabAt[F codedField](headerPrefix, sheetKey string, fields []F) *sideVocab[F] {
	v := recognise()
	sv := &sideVocab[F]{synonyms: map[string]F{}}
	add := func(text string, f F) {
		n := normalizeHeaderWith(text, v.headerSuffixes)
		if n == "" {
			return
		}
		if g, taken := sv.synonyms[n]; taken {
			if g != f {
				sv.conflicts = append(sv.conflicts, text+": "+g.code()+", "+f.code())
			}
			return
		}
		sv.synonyms[n] = f
	}
	for _, f := range fields {
		for _, w := range v.list(headerPrefix + f.code() + ".synonyms") {
			add(w, f)
		}
		for _, lang := range words.Languages {
			add(f.name().In(lang), f)
		}
	}
	sv.sheetWords = v.list(sheetKey)
	return sv
}

// field is the field a header cell names, or the zero field.
func (sv *sideVocab[F]) field(cell string) F { return sv.synonyms[normalizeHeader(cell)] }
