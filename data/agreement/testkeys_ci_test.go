//go:build ci

package agreement

// Every test's seal folder takes its keys from the pool made in advance
// (UseTestKeys); TestALocalSealGetsKeysOfItsOwn generates them.
func init() { UseTestKeys() }
