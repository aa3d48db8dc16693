// Package agreement turns a template and the store's facts into an
// agreement: the template language (Mustache merge fields in Markdown), the
// field catalogue, the merge, one parse tree of the merged Markdown that
// both the window's preview and the PDF render, and the PDF itself. It
// never imports Fyne.
package agreement
