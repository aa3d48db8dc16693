package data

import (
	"testing"
)

// A room's area must be more than 0 m².
func TestRoomAreaLimit(t *testing.T) {
	room := func(area string) func() error {
		return func() error { _, err := RoomForm{PremisesID: 1, Name: "Skur", Area: area}.Parse(); return err }
	}
	wantLimits(t, []limitCase{
		{"a room of 0 m²", room("0"), "Area"},
		{"a room of 0,01 m²", room("0,01"), ""},
		{"a room of -1 m²", room("-1"), "Area"},
	})
}
