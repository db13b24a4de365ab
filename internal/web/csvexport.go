package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
)

// csvExport writes a CSV download (RFC 4180). Every export goes through it,
// so that no cell can act as a spreadsheet formula: names, reasons and
// summaries come from participants, and "=HYPERLINK(...)" in a name would
// otherwise run in the coordinator's spreadsheet.
type csvExport struct {
	cw *csv.Writer
}

// newCSVExport sets the download headers for filename and writes the header row.
func newCSVExport(w http.ResponseWriter, filename string, header ...string) *csvExport {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	c := &csvExport{cw: csv.NewWriter(w)}
	c.row(header...)
	return c
}

// row writes one record, each cell made safe (safeCell).
func (c *csvExport) row(cells ...string) {
	safe := make([]string, len(cells))
	for i, s := range cells {
		safe[i] = safeCell(s)
	}
	c.cw.Write(safe) // errors stick in the writer; close reports them
}

// close flushes the export and reports the first write error.
func (c *csvExport) close() error {
	c.cw.Flush()
	return c.cw.Error()
}

// safeCell neutralises a cell a spreadsheet would read as a formula: one
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe (OWASP's advice). A plain number such as -3.5 is left alone:
// it cannot be a formula, and quoting it would turn it into text.
func safeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
