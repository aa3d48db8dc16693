package agreement

import (
	"bytes"
	"encoding/binary"
	"math"
	"sync"
)

// The sRGB colour profile of the PDFs' OutputIntent, written here from the
// numbers of IEC 61966-2-1: an ICC version 2 display profile with the
// primaries adapted to the D50 connection space (Bradford), the D65 white
// point and the sRGB tone curve sampled at 1024 points, shared by the
// three channels.

var sRGBProfile = sync.OnceValue(buildSRGBProfile)

// s15 is an ICC s15Fixed16Number.
func s15(v float64) uint32 { return uint32(int32(math.Round(v * 65536))) }

func buildSRGBProfile() []byte {
	be := binary.BigEndian
	xyz := func(x, y, z float64) []byte {
		b := make([]byte, 20)
		copy(b, "XYZ ")
		be.PutUint32(b[8:], s15(x))
		be.PutUint32(b[12:], s15(y))
		be.PutUint32(b[16:], s15(z))
		return b
	}
	desc := func(s string) []byte { // textDescriptionType: ASCII, no Unicode or ScriptCode text
		b := make([]byte, 12, 12+len(s)+1+4+4+2+1+67)
		copy(b, "desc")
		be.PutUint32(b[8:], uint32(len(s)+1))
		b = append(b, s...)
		return append(b, make([]byte, 1+4+4+2+1+67)...)
	}
	text := func(s string) []byte {
		b := make([]byte, 8, 8+len(s)+1)
		copy(b, "text")
		return append(append(b, s...), 0)
	}
	const points = 1024
	curve := make([]byte, 12+2*points)
	copy(curve, "curv")
	be.PutUint32(curve[8:], points)
	for i := 0; i < points; i++ {
		v := float64(i) / (points - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		be.PutUint16(curve[12+2*i:], uint16(math.Round(v*65535)))
	}
	tags := []struct {
		sig  string
		data []byte
	}{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No copyright, use freely")},
		{"wtpt", xyz(0.9505, 1.0, 1.0891)},
		{"rXYZ", xyz(0.4361, 0.2225, 0.0139)},
		{"gXYZ", xyz(0.3851, 0.7169, 0.0971)},
		{"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
		{"rTRC", curve},
		{"gTRC", nil}, // nil: the same data as the tag before
		{"bTRC", nil},
	}
	table := 128 + 4 + 12*len(tags)
	var body bytes.Buffer
	entries := make([]byte, 4+12*len(tags))
	be.PutUint32(entries, uint32(len(tags)))
	var last [2]uint32
	for i, t := range tags {
		if t.data != nil {
			for (table+body.Len())%4 != 0 {
				body.WriteByte(0)
			}
			last = [2]uint32{uint32(table + body.Len()), uint32(len(t.data))}
			body.Write(t.data)
		}
		e := entries[4+12*i:]
		copy(e, t.sig)
		be.PutUint32(e[4:], last[0])
		be.PutUint32(e[8:], last[1])
	}
	for body.Len()%4 != 0 {
		body.WriteByte(0)
	}
	h := make([]byte, 128)
	be.PutUint32(h[0:], uint32(128+len(entries)+body.Len()))
	be.PutUint32(h[8:], 0x02100000) // version 2.1
	copy(h[12:], "mntr")
	copy(h[16:], "RGB ")
	copy(h[20:], "XYZ ")
	for i, v := range []uint16{2015, 1, 1, 0, 0, 0} { // a fixed date: the same bytes every time
		be.PutUint16(h[24+2*i:], v)
	}
	copy(h[36:], "acsp")
	be.PutUint32(h[68:], s15(0.9642)) // the connection space's illuminant, D50
	be.PutUint32(h[72:], s15(1.0))
	be.PutUint32(h[76:], s15(0.8249))
	return append(append(h, entries...), body.Bytes()...)
}
