//go:build ci

package main

import "partnerskab/data/agreement"

// The tests' seal folders take their keys from a pool made in advance
// (agreement.UseTestKeys) instead of generating two RSA keys each.
func init() { agreement.UseTestKeys() }
