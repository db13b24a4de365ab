package textio

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// LineError is a problem in a text input of the solvers (an edge list, a
// capacity, history or preference file). Line is the 1-based number of the
// offending line; every error that a Parse function of this package returns
// is a *LineError with Line >= 1 (a read failure is reported at the line
// being read and wrapped in Err).
type LineError struct {
	Line int
	Msg  string
	Err  error
}

// Error returns "line N: message".
func (e *LineError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("line %d: %s: %v", e.Line, e.Msg, e.Err)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Unwrap returns the underlying read error, if any.
func (e *LineError) Unwrap() error { return e.Err }

func lineErrorf(line int, format string, args ...any) *LineError {
	return &LineError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// lineReader yields the lines of a text one by one, without their line
// ending, skipping nothing; it counts lines from 1. Lines of any length are
// accepted: the common short line is returned straight from bufio's buffer.
type lineReader struct {
	r    *bufio.Reader
	line int
	long []byte
	eof  bool
}

const readBufferSize = 256 << 10

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, readBufferSize)}
}

// next returns the next line; the slice is valid until the following call.
// It returns io.EOF after the last line and a *LineError if reading fails.
func (lr *lineReader) next() ([]byte, error) {
	if lr.eof {
		return nil, io.EOF
	}
	lr.line++
	b, err := lr.r.ReadSlice('\n')
	if err == nil {
		return b[:len(b)-1], nil
	}
	if errors.Is(err, bufio.ErrBufferFull) {
		lr.long = append(lr.long[:0], b...)
		for errors.Is(err, bufio.ErrBufferFull) {
			b, err = lr.r.ReadSlice('\n')
			lr.long = append(lr.long, b...)
		}
		b = lr.long
		if err == nil {
			return b[:len(b)-1], nil
		}
	}
	if err == io.EOF {
		lr.eof = true
		if len(b) == 0 {
			lr.line--
			return nil, io.EOF
		}
		return b, nil
	}
	return nil, &LineError{Line: lr.line, Msg: "cannot read the input", Err: err}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// fields splits line at white space into dst (reset first). It stores at
// most limit tokens (limit <= 0: no limit) and reports whether more followed.
// A line whose first token starts with '#' is a comment and yields nothing.
func fields(line []byte, dst [][]byte, limit int) ([][]byte, bool) {
	dst = dst[:0]
	i, n := 0, len(line)
	for {
		for i < n && isSpace(line[i]) {
			i++
		}
		if i == n {
			return dst, false
		}
		if len(dst) == 0 && line[i] == '#' {
			return dst, false
		}
		if limit > 0 && len(dst) == limit {
			return dst, true
		}
		j := i
		for j < n && !isSpace(line[j]) {
			j++
		}
		dst = append(dst, line[i:j])
		i = j
	}
}

// parseCount parses a token made only of decimal digits as a non-negative
// integer no greater than limit.
func parseCount(tok []byte, limit int) (int, bool) {
	if len(tok) == 0 {
		return 0, false
	}
	v := 0
	for _, c := range tok {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
		if v > limit {
			return 0, false
		}
	}
	return v, true
}

func isDigits(tok []byte) bool {
	if len(tok) == 0 {
		return false
	}
	for _, c := range tok {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
