// Package dk holds Danish identifiers (CVR, P-number, EAN, CPR detection) and
// Danish conventions for dates, money, numbers and alphabetical order.
// Every parser fails with *Error, which carries a stable code and a Danish text.
package dk
