package data

import (
	"os"
	"os/user"
	"strings"
)

// CurrentActor is the operating-system user the program runs as: the actor
// the audit log and the deletion ledger name. On Windows os/user answers
// DOMAIN\user; the environment is the fallback where the lookup fails (a
// container without /etc/passwd entry), and "ukendt" where both are empty.
func CurrentActor() string {
	if u, err := user.Current(); err == nil && strings.TrimSpace(u.Username) != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
	}
	return "ukendt"
}
