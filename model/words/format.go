package words

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Pct is a share in [0,1] written as a whole percentage: "33%".
type Pct float64

// Index is a balance index (or a ratio shown beside one) as the product
// writes it everywhere, on screen, in print, in workbooks and on the
// command line: a decimal fraction to IndexPlaces, "0.96", never a
// percentage.
type Index float64

// IndexPlaces is how many decimals an Index is written with.
const IndexPlaces = 2

// String writes the index as an argument of a message would be.
func (x Index) String() string { return strconv.FormatFloat(float64(x), 'f', IndexPlaces, 64) }

// Fine is the index to one more place, for a before → after: one decision
// moves an office's index by thousandths, which two places would hide.
func (x Index) Fine() Dec { return Dec{Value: float64(x), Places: IndexPlaces + 1} }

// Dec is a number written with a fixed number of decimals: Dec{0.8612, 2} → "0.86".
type Dec struct {
	Value  float64
	Places int
}

// piece is one literal run or one argument of a parsed template.
type piece struct {
	text       string // literal text when arg == ""
	arg        string
	one, other string // plural forms; both "" for a plain argument
	plural     bool
}

// parse splits a template into literal runs and arguments.
func parse(t string) []piece {
	var out []piece
	var lit strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '{' {
			lit.WriteByte(c)
			continue
		}
		if i+1 < len(t) && t[i+1] == '{' {
			lit.WriteByte('{')
			i++
			continue
		}
		end := strings.IndexByte(t[i:], '}')
		if end < 0 {
			lit.WriteString(t[i:])
			break
		}
		if lit.Len() > 0 {
			out = append(out, piece{text: lit.String()})
			lit.Reset()
		}
		body := t[i+1 : i+end]
		p := piece{arg: body}
		if parts := strings.Split(body, "|"); len(parts) == 3 {
			p = piece{arg: parts[0], one: parts[1], other: parts[2], plural: true}
		}
		out = append(out, p)
		i += end
	}
	if lit.Len() > 0 {
		out = append(out, piece{text: lit.String()})
	}
	return out
}

// expand fills template t with args in lang.
func expand(lang, t string, args map[string]any) string {
	return fill(lang, parse(t), args)
}

// fill writes a parsed template with args in lang.
func fill(lang string, ps []piece, args map[string]any) string {
	if len(ps) == 1 && ps[0].arg == "" {
		return ps[0].text
	}
	var b strings.Builder
	for _, p := range ps {
		switch {
		case p.arg == "":
			b.WriteString(p.text)
		case p.plural:
			if isOne(args[p.arg]) {
				b.WriteString(p.one)
			} else {
				b.WriteString(p.other)
			}
		default:
			v, ok := args[p.arg]
			if !ok {
				b.WriteString("{" + p.arg + "}")
				continue
			}
			b.WriteString(format(lang, v))
		}
	}
	return b.String()
}

// isOne reports whether a plural's number is exactly one.
func isOne(v any) bool {
	switch x := v.(type) {
	case int:
		return x == 1
	case int32:
		return x == 1
	case int64:
		return x == 1
	case float64:
		return x == 1
	}
	return false
}

// format writes one argument: integers in decimal, float64 with at most one
// decimal and no trailing ".0", Pct as a whole percentage, Index and Dec
// with their places, a Msg worded in lang, lists joined by the catalogue's "list.sep".
func format(lang string, v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return Num(x)
	case Pct:
		return strconv.FormatInt(int64(math.Round(float64(x)*100)), 10) + "%"
	case Dec:
		return strconv.FormatFloat(x.Value, 'f', x.Places, 64)
	case Msg:
		return x.In(lang)
	case []string:
		return strings.Join(x, sep(lang))
	case []Msg:
		parts := make([]string, len(x))
		for i, m := range x {
			parts[i] = m.In(lang)
		}
		return strings.Join(parts, sep(lang))
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// Num writes x rounded to one decimal, without a trailing ".0".
func Num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	t := int64(math.Round(x * 10))
	s := ""
	if t < 0 {
		s, t = "-", -t
	}
	s += strconv.FormatInt(t/10, 10)
	if t%10 != 0 {
		s += "." + strconv.FormatInt(t%10, 10)
	}
	return s
}

func sep(lang string) string {
	if t, ok := lookup(lang, "list.sep"); ok {
		return t
	}
	return ", "
}
