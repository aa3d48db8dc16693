package ui

import (
	"partnerskab/data"
	"partnerskab/data/agreement"
)

// The tests create many databases: each new one gets the migrated schema
// copied instead of migrating again (data.CopySchemaForNewFiles), and many
// seal folders: each takes its keys from a pool made in advance
// (agreement.UseTestKeys).
func init() {
	data.CopySchemaForNewFiles()
	agreement.UseTestKeys()
}
