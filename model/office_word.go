package model

import (
	"strings"

	"rpbmatrix/model/words"
)

// KindWord is the word an office is called by in a sentence about it:
// 街道 for a street office; for a township 镇 or 乡 when its name ends in
// it (青山镇, 和平乡; in any language of the catalogue: "Qingshan Town"),
// else 乡镇. Reasons say 本{office}, labels 全{office}. A nil office is
// called a street office.
func (o *Office) KindWord() words.Msg {
	if o == nil || o.Kind != OfficeTownship {
		return words.M("rule.office.street")
	}
	for _, key := range townshipWords {
		for _, lang := range words.Languages {
			if strings.HasSuffix(strings.ToLower(o.Name), strings.ToLower(words.Say(lang, key))) {
				return words.M(key)
			}
		}
	}
	return words.M("rule.office.township")
}

// townshipWords are the words a township's name may end in, the first that
// fits winning.
var townshipWords = []string{"rule.office.town", "rule.office.xiang"}
