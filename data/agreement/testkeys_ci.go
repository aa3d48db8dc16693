//go:build ci

package agreement

import (
	"crypto/rsa"
	"crypto/x509"
	_ "embed"
	"encoding/pem"
	"fmt"
	"sync"
)

// testKeysPEM holds 64 RSA keys of rsaBits bits, made once with
// `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072`. They are
// known to anyone who reads this repository, so only a ci build (the tests)
// has them, and only a test's call of UseTestKeys puts them to use.
//
//go:embed testdata/rsa3072-test-keys.pem
var testKeysPEM []byte

var testKeys struct {
	sync.Mutex
	keys []*rsa.PrivateKey
	next int
}

// UseTestKeys makes every new local CA and seal certificate of this
// process take the next key of the pool instead of generating one: each
// key is as a generated one (3072 bits, its own primes), and consecutive
// certificates have different keys, so a certificate from one test's CA
// never verifies against another's. After 64 keys the pool starts over.
func UseTestKeys() {
	testKeys.Lock()
	defer testKeys.Unlock()
	if testKeys.keys == nil {
		rest := testKeysPEM
		for {
			var block *pem.Block
			if block, rest = pem.Decode(rest); block == nil {
				break
			}
			k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
			if err != nil {
				panic(fmt.Sprintf("agreement: test key %d: %v", len(testKeys.keys)+1, err))
			}
			key, ok := k.(*rsa.PrivateKey)
			if !ok || key.N.BitLen() != rsaBits {
				panic(fmt.Sprintf("agreement: test key %d is not RSA-%d", len(testKeys.keys)+1, rsaBits))
			}
			testKeys.keys = append(testKeys.keys, key)
		}
	}
	newRSAKey = func() (*rsa.PrivateKey, error) {
		testKeys.Lock()
		defer testKeys.Unlock()
		k := testKeys.keys[testKeys.next%len(testKeys.keys)]
		testKeys.next++
		return k, nil
	}
}
