package model

import "testing"

// The statutory powers' type was called 街道职权 before townships were
// named alongside street offices; every old spelling still reads back.
func TestParseStreetPowerOldNames(t *testing.T) {
	for _, s := range []string{"街道（乡镇）职权", "街道职权", "乡镇职权", "镇街职权", "street_power",
		"Street office or township power", "Street office power", "township power"} {
		if got, ok := ParseAuthorityType(s); !ok || got != AuthStreetPower {
			t.Errorf("%q reads as %q, %v; want %q", s, got, ok, AuthStreetPower)
		}
	}
}
