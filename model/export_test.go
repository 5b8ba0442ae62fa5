package model

// DirectReasons words each finding of r's list on its own, without the
// sharing findingsOf does, for tests to compare against the list.
func DirectReasons(r *Result) []Msg {
	e := r.eng
	_, keys := e.allFindings()
	l := e.layout()
	out := make([]Msg, len(keys))
	var w reasonWriter
	for i, k := range keys {
		e.reason(e.decode(&l, k), &w)
		out[i] = Msg{Zh: string(w.zh), En: string(w.en)}
	}
	return out
}
