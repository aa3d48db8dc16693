//go:build ci

package agreement

import (
	"crypto/rsa"
	"path/filepath"
	"testing"
)

// TestALocalSealGetsKeysOfItsOwn: outside the tests a new seal folder
// generates its CA's and its seal's keys (the other tests take theirs from
// the pool, UseTestKeys): two 3072-bit keys, different from each other and
// from every key of the pool.
func TestALocalSealGetsKeysOfItsOwn(t *testing.T) {
	pooled := newRSAKey
	newRSAKey = generateRSAKey
	t.Cleanup(func() { newRSAKey = pooled })

	dir := filepath.Join(t.TempDir(), "segl")
	s, err := OpenSealer(dir, "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	seal, ok := s.Certificate().PublicKey.(*rsa.PublicKey)
	if !ok {
		t.Fatalf("the seal's key is %T, want RSA", s.Certificate().PublicKey)
	}
	ca, ok := s.chain[0].PublicKey.(*rsa.PublicKey)
	if !ok {
		t.Fatalf("the CA's key is %T, want RSA", s.chain[0].PublicKey)
	}
	if seal.N.BitLen() != rsaBits || ca.N.BitLen() != rsaBits {
		t.Errorf("the keys have %d and %d bits, want %d", seal.N.BitLen(), ca.N.BitLen(), rsaBits)
	}
	if seal.Equal(ca) {
		t.Error("the seal and its CA have the same key")
	}
	for i, k := range testKeys.keys {
		if k.PublicKey.Equal(seal) || k.PublicKey.Equal(ca) {
			t.Errorf("a generated key is test key %d", i+1)
		}
	}
	if len(testKeys.keys) != 64 {
		t.Errorf("the pool has %d keys, want 64", len(testKeys.keys))
	}
}

// TestPooledSealsHaveKeysOfTheirOwn: with the tests' pool, two seal
// folders still get four different keys, so that one test's CA never
// vouches for another folder's seal.
func TestPooledSealsHaveKeysOfTheirOwn(t *testing.T) {
	var keys []*rsa.PublicKey
	for _, name := range []string{"Slagelse Kommune", "Boligselskabet Korsør"} {
		s, err := OpenSealer(filepath.Join(t.TempDir(), "segl"), name)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, s.Certificate().PublicKey.(*rsa.PublicKey), s.chain[0].PublicKey.(*rsa.PublicKey))
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[i].Equal(keys[j]) {
				t.Errorf("keys %d and %d of two seal folders are the same", i+1, j+1)
			}
		}
	}
}
