//go:build ci

package ui

import "partnerskab/data/agreement"

// The tests make many seal folders: each takes its keys from a pool made in
// advance (agreement.UseTestKeys) instead of generating two RSA keys.
func init() { agreement.UseTestKeys() }
