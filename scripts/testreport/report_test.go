package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The streams in testdata/*.jsonl are real `go test -json` output, recorded by
// testdata/rec/record.sh from the packages beside it.
func TestRun_Streams(t *testing.T) {
	cases := []struct {
		name    string
		stream  string
		flags   []string // besides -log
		code    int
		want    []string // console lines (runs of spaces count as one)
		notWant []string
	}{
		{name: "passing", stream: "passing", code: 0, want: []string{
			"ok example.com/rec/calc 0.01s 4 passed",
			"? example.com/rec/docs [no test files]",
			"packages: 1 ok, 0 failed, 1 without tests",
			"tests (with subtests): 4 passed, 0 failed, 0 skipped",
			"store suite: package internal/store does not exist yet",
		}, notWant: []string{"=== RUN TestAdd", "failed tests:"}},
		{name: "store_without_tests", stream: "passing", flags: []string{"-store", "notests"}, code: 0, want: []string{
			"store suite: package internal/store has no tests yet",
		}},
		{name: "failed_test", stream: "failed_test", code: 1, want: []string{
			"----- output of example.com/rec/calcfail TestMul_Table -----",
			"calc_test.go:21: Mul(3, 3) = 6, want 9",
			"--- FAIL: TestMul_Table/three (0.00s)",
			"----- end of TestMul_Table -----",
			"setting up the fixture", // TestMain's output, shown when its package fails
			"FAIL example.com/rec/calcfail 0.02s 2 passed, 2 FAILED",
			"ok example.com/rec/calc 0.02s 4 passed",
			"failed tests:",
			"example.com/rec/calcfail TestMul_Table/three",
			"example.com/rec/calcfail TestMul_Table",
			"failed packages:",
			"example.com/rec/calcfail",
		}, notWant: []string{"=== RUN TestMul_OK", "PASS", "FAIL"}},
		{name: "build_failure", stream: "build_failure", code: 1, want: []string{
			"# example.com/rec/broken [example.com/rec/broken.test]",
			"broken/broken_test.go:6:17: cannot use Half(4) (value of type int) as string value in variable declaration",
			"FAIL example.com/rec/broken 0.00s [build failed]",
			"packages: 1 ok, 1 failed, 0 without tests",
		}, notWant: []string{"FAIL example.com/rec/broken [build failed]"}},
		{name: "crash", stream: "crash", code: 1, want: []string{
			"----- output of example.com/rec/crash TestNilMap -----",
			"panic: assignment to entry in nil map [recovered, repanicked]",
			"----- output of example.com/rec/exits TestCleanup -----",
			"exits_test.go:9: closing the pool",
			"FAIL example.com/rec/exits 0.01s 0 passed",
			"example.com/rec/crash TestNilMap",
			"example.com/rec/exits TestCleanup (did not finish: crash or timeout)",
		}},
		{name: "timeout", stream: "timeout", code: 1, want: []string{
			"----- output of example.com/rec/slow TestWaitsForever -----",
			"panic: test timed out after 3s",
			"example.com/rec/slow TestWaitsForever (did not finish: crash or timeout)",
			"FAIL example.com/rec/slow 3.02s 1 passed",
		}},
		{name: "skipped", stream: "skipped", code: 0, want: []string{
			"ok example.com/rec/skips 0.01s 3 passed, 2 skipped",
			"skipped tests:",
			"example.com/rec/skips TestBrowser: skips_test.go:10: REC_CHROMIUM not set: no browser",
			"example.com/rec/skips TestFormats/xlsx: skips_test.go:16: xlsx export not written yet",
		}},
		{name: "store_pass", stream: "store_pass", flags: []string{"-store", "present"}, code: 0, want: []string{
			"store suite: sqlite PASS (4 passed), postgres PASS (4 passed)",
		}, notWant: []string{"store suite: both backends must run and pass"}},
		{name: "store_postgres_skipped", stream: "store_skip", flags: []string{"-store", "present"}, code: 1, want: []string{
			"store suite: sqlite PASS (4 passed), postgres SKIPPED (2 skipped)",
			"store suite: both backends must run and pass",
			"example.com/rec/store TestStorePeople/postgres: store_test.go:12: REC_POSTGRES not set",
		}},
		{name: "store_postgres_skipped_filtered", stream: "store_skip", flags: []string{"-store", "present", "-filtered"}, code: 0, want: []string{
			"store suite: sqlite PASS (4 passed), postgres SKIPPED (2 skipped)",
		}, notWant: []string{"store suite: both backends must run and pass"}},
		{name: "store_postgres_failed", stream: "store_fail", flags: []string{"-store", "present", "-filtered"}, code: 1, want: []string{
			"store suite: sqlite PASS (4 passed), postgres FAIL (2 failed, 2 passed)",
			"store_test.go:24: postgres: update lost the e-mail address",
			"example.com/rec/store TestStorePeople/postgres/update",
		}},
		{name: "store_not_run", stream: "store_notrun", flags: []string{"-store", "present"}, code: 1, want: []string{
			"store suite: sqlite NOT RUN (no TestStore*/sqlite/... subtests), postgres NOT RUN (no TestStore*/postgres/... subtests)",
			"store suite: both backends must run and pass",
		}},
		{name: "store_not_run_filtered", stream: "store_notrun", flags: []string{"-store", "present", "-filtered=true"}, code: 0, want: []string{
			"store suite: sqlite NOT RUN (no TestStore*/sqlite/... subtests), postgres NOT RUN (no TestStore*/postgres/... subtests)",
		}, notWant: []string{"store suite: both backends must run and pass"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stream, err := os.ReadFile(filepath.Join("testdata", c.stream+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			logPath := filepath.Join(t.TempDir(), "test.log")
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"-log", logPath}, c.flags...), bytes.NewReader(stream), &stdout, &stderr)
			console := stdout.String()
			if code != c.code || stderr.Len() > 0 {
				t.Errorf("exit status %d, want %d; stderr %q", code, c.code, stderr.String())
			}
			for _, w := range c.want {
				if !hasLine(console, w) {
					t.Errorf("the console lacks the line %q", w)
				}
			}
			for _, w := range c.notWant {
				if hasLine(console, w) {
					t.Errorf("the console has the line %q", w)
				}
			}
			if !hasLine(console, "full verbose log: "+logPath) {
				t.Errorf("the console does not name the log")
			}
			log, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, stream, string(log))
			golden(t, c.name+".golden", fmt.Sprintf("exit status %d\n===== console\n%s===== log file\n%s",
				code, strings.ReplaceAll(console, logPath, "LOG"), log))
		})
	}
}

func TestRun_PlainLines(t *testing.T) {
	in := "go: downloading example.com/dep v1.0.0\n" +
		`{"Action":"start","Package":"example.com/p"}` + "\n" +
		`{"Action":"output","Package":"example.com/p","Output":"ok  \texample.com/p\t0.1s\n"}` + "\n" +
		`{"Action":"pass","Package":"example.com/p","Elapsed":0.1}` + "\n" +
		"{not json\n"
	logPath := filepath.Join(t.TempDir(), "test.log")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-log", logPath}, strings.NewReader(in), &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d, stderr %q", code, stderr.String())
	}
	log, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"go: downloading example.com/dep v1.0.0", "{not json"} {
		if !hasLine(stdout.String(), w) || !hasLine(string(log), w) {
			t.Errorf("a line that is not an event must reach the console and the log as it is: %q\nconsole:\n%s\nlog:\n%s", w, stdout.String(), log)
		}
	}
}

func TestRun_LongLists(t *testing.T) {
	var in strings.Builder
	for i := range 25 {
		fmt.Fprintf(&in, `{"Action":"skip","Package":"example.com/p","Test":"TestSkip%02d"}`+"\n", i)
	}
	for i := range 52 {
		fmt.Fprintf(&in, `{"Action":"fail","Package":"example.com/p","Test":"TestFail%02d"}`+"\n", i)
	}
	in.WriteString(`{"Action":"fail","Package":"example.com/p","Elapsed":1}` + "\n")
	var stdout, stderr bytes.Buffer
	if code := run(nil, strings.NewReader(in.String()), &stdout, &stderr); code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	out := stdout.String()
	for _, w := range []string{"example.com/p TestSkip19", "... and 5 more (see the log)", "example.com/p TestFail49", "... and 2 more (see the log)"} {
		if !hasLine(out, w) {
			t.Errorf("the console lacks %q", w)
		}
	}
	for _, w := range []string{"example.com/p TestSkip20", "example.com/p TestFail50", "full verbose log:"} {
		if strings.Contains(out, w) {
			t.Errorf("the console has %q", w)
		}
	}
}

func TestRun_Errors(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"log in a missing folder", []string{"-log", filepath.Join(t.TempDir(), "missing", "test.log")}, 2},
		{"unknown flag", []string{"-verbose"}, 2},
		{"help", []string{"-h"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(c.args, strings.NewReader(""), &stdout, &stderr); code != c.code || stderr.Len() == 0 {
				t.Fatalf("exit status %d, want %d; stderr %q", code, c.code, stderr.String())
			}
		})
	}
}

// hasLine reports whether text has the line want, counting a run of spaces or tabs as one
// space and ignoring leading and trailing ones.
func hasLine(text, want string) bool {
	want = strings.Join(strings.Fields(want), " ")
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		if strings.Join(strings.Fields(sc.Text()), " ") == want {
			return true
		}
	}
	return false
}

// checkLog checks that the log holds, for every package of the stream, a "### package"
// header followed by all of its output in order, and every line of build output.
func checkLog(tb testing.TB, stream []byte, log string) {
	tb.Helper()
	byPkg := map[string]*strings.Builder{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(stream))
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			tb.Fatalf("the stream has a line that is not an event: %q", sc.Text())
		}
		switch {
		case e.Action == "build-output":
			if !strings.Contains(log, e.Output) {
				tb.Errorf("the log lacks the build output %q", e.Output)
			}
		case e.Package != "":
			if byPkg[e.Package] == nil {
				byPkg[e.Package] = &strings.Builder{}
				order = append(order, e.Package)
			}
			if e.Action == "output" {
				byPkg[e.Package].WriteString(e.Output)
			}
		}
	}
	for _, p := range order {
		if want := "### " + p + "\n" + byPkg[p].String(); !strings.Contains(log, want) {
			tb.Errorf("the log lacks the output of %s in order under its header; want\n%s", p, want)
		}
	}
}

func golden(tb testing.TB, name, got string) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		tb.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}
