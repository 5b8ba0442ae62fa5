package sheet

import "testing"

// foldKey's quick path for plain names folds as the full one does.
func TestFoldKeyQuickPath(t *testing.T) {
	for _, s := range []string{
		"", "职责事项第1项", "职责事项第1项。", "abc-123;", "ABC", "Ａｂｃ", "职责 事项", "职责\u3000事项", "（一）党建", "①项",
		"ⅰ类", "㈠", "职责事项\t", "x.y.", "丽江", "\u2F00", "\uFA10", "ｶﾀｶﾅ", "a\u0301", "事项；",
	} {
		if got, want := foldKey(s), foldSlow(s); got != want {
			t.Errorf("foldKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// A key hashed from parts keeps the parts apart.
func TestTextKeyParts(t *testing.T) {
	key := func(parts ...string) textKey {
		var k keyHasher
		for _, p := range parts {
			k.text(p)
		}
		return k.sum()
	}
	if key("ab", "c") == key("a", "bc") || key("a") == key("a", "") || key("x") != key("x") {
		t.Error("keys of different parts collide, or of the same parts differ")
	}
}
