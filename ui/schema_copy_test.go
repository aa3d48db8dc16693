package ui

import "partnerskab/data"

// The tests create many databases: each new one gets the migrated schema
// copied instead of migrating again (data.CopySchemaForNewFiles).
func init() { data.CopySchemaForNewFiles() }
