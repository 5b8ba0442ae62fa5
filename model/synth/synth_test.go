package synth

import (
	"reflect"
	"testing"

	"rpbmatrix/model"
)

func TestGenerate(t *testing.T) {
	for _, tc := range []struct{ offices, duties int }{{1, 1}, {3, 80}, {20, 200}} {
		p := Generate(tc.offices, tc.duties, 7)
		if len(p.Offices) != tc.offices || len(p.Duties) != tc.duties || len(p.Assessments) != tc.offices*tc.duties {
			t.Fatalf("%v: got %d offices, %d duties, %d assessments", tc, len(p.Offices), len(p.Duties), len(p.Assessments))
		}
		if probs := model.Validate(p); len(probs) > 0 {
			t.Fatalf("%v: generated project is invalid: %v", tc, probs[0].Msg.In("zh"))
		}
	}
}

func TestGenerateIsReproducible(t *testing.T) {
	a, b := Generate(5, 50, 42), Generate(5, 50, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different projects")
	}
	if c := Generate(5, 50, 43); reflect.DeepEqual(a.Info.ID, c.Info.ID) {
		t.Fatal("different seeds gave the same project ID")
	}
}
