package words

import "errors"

// Of returns the message an error carries: the first error in its chain
// with a Msg() method, as storage, sheet and jsonio errors have.
func Of(err error) (Msg, bool) {
	var m interface{ Msg() Msg }
	if err != nil && errors.As(err, &m) {
		return m.Msg(), true
	}
	return Msg{}, false
}

// Text words err in lang: its catalogue message when it carries one, else
// its Error text (a programming error or a system error without words).
func Text(lang string, err error) string {
	if err == nil {
		return ""
	}
	if m, ok := Of(err); ok {
		return m.In(lang)
	}
	return err.Error()
}
