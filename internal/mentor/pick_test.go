package mentor

import (
	"math"
	"slices"
	"testing"
)

// fieldsOf returns the fields an error names, sorted.
func fieldsOf(err error) []string {
	var out []string
	for _, f := range ErrorFields(err) {
		if !slices.Contains(out, f.Field) {
			out = append(out, f.Field)
		}
	}
	slices.Sort(out)
	return out
}

func TestPick_Validate(t *testing.T) {
	long := string(make([]byte, 1001))
	tests := []struct {
		name string
		pick Pick
		want []string
	}{
		{"fine", Pick{ProgramID: 1, PickerID: 2, PickedID: 3, Message: "  hello  "}, nil},
		{"missing everything", Pick{}, []string{"person_id", "picker_id", "program_id"}},
		{"self pick", Pick{ProgramID: 1, PickerID: 2, PickedID: 2}, []string{"person_id"}},
		{"long message", Pick{ProgramID: 1, PickerID: 2, PickedID: 3, Message: long}, []string{"message"}},
		{"score not finite", Pick{ProgramID: 1, PickerID: 2, PickedID: 3, Score: math.NaN()}, []string{"score"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.pick.Validate()
			if got := fieldsOf(err); !slices.Equal(got, tt.want) {
				t.Fatalf("fields %v, want %v (%v)", got, tt.want, err)
			}
			if tt.want == nil && tt.pick.Message != "hello" {
				t.Fatalf("message not trimmed: %q", tt.pick.Message)
			}
		})
	}
}

func TestCheckRepick_Cases(t *testing.T) {
	tests := []struct {
		name string
		old  *Pick
		code string
	}{
		{"no earlier pick", nil, ""},
		{"withdrawn is reopened", &Pick{Status: PickWithdrawn}, ""},
		{"pending", &Pick{Status: PickPending, PickedName: "Ben"}, ECONFLICT},
		{"accepted", &Pick{Status: PickAccepted, PickedName: "Ben"}, ECONFLICT},
		{"declined", &Pick{Status: PickDeclined, PickedName: "Ben"}, ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRepick(tt.old)
			if ErrorCode(err) != tt.code && !(tt.code == "" && err == nil) {
				t.Fatalf("got %v, want code %q", err, tt.code)
			}
			if err != nil && !slices.Equal(fieldsOf(err), []string{"person_id"}) {
				t.Fatalf("the refusal must name person_id: %v", err)
			}
		})
	}
}

func TestCheckPendingCap_Boundary(t *testing.T) {
	if err := CheckPendingCap(2, 3); err != nil {
		t.Fatalf("2 of 3: %v", err)
	}
	err := CheckPendingCap(3, 3)
	if ErrorCode(err) != ECONFLICT || !slices.Equal(fieldsOf(err), []string{"person_id"}) {
		t.Fatalf("3 of 3 must be a conflict naming person_id: %v", err)
	}
	p := &Program{}
	if p.MaxPendingRequests() != DefaultMaxPendingRequests {
		t.Fatalf("default cap %d", p.MaxPendingRequests())
	}
	p.Options.MaxPendingRequests = 5
	if p.MaxPendingRequests() != 5 {
		t.Fatalf("program cap %d", p.MaxPendingRequests())
	}
}

func TestPick_WhoAnswersAndWithdraws(t *testing.T) {
	k := &Pick{ID: 7, PickerID: 1, PickedID: 2, PickerName: "Ana", PickedName: "Ben"}
	for _, tt := range []struct {
		person           int64
		answer, withdraw string
	}{{2, "", EFORBIDDEN}, {1, EFORBIDDEN, ""}, {3, ENOTFOUND, ENOTFOUND}} {
		if got := ErrorCode(k.AnswerableBy(tt.person)); got != tt.answer && !(tt.answer == "" && k.AnswerableBy(tt.person) == nil) {
			t.Errorf("person %d answering: %q, want %q", tt.person, got, tt.answer)
		}
		if got := ErrorCode(k.WithdrawableBy(tt.person)); got != tt.withdraw && !(tt.withdraw == "" && k.WithdrawableBy(tt.person) == nil) {
			t.Errorf("person %d withdrawing: %q, want %q", tt.person, got, tt.withdraw)
		}
	}
}

func TestProgram_CheckSelfSelect(t *testing.T) {
	for _, f := range Formats {
		want := f == FormatMentoring || f == FormatReverse || f == FormatShadow || f == FormatPeer || f == FormatSkillSwap
		if f.SelfSelect() != want {
			t.Errorf("%s: SelfSelect %v", f, f.SelfSelect())
		}
	}
	ok := Program{Name: "P", Format: FormatPeer, Mode: ModeSelfSelect, Status: StatusMatching}
	if err := ok.CheckSelfSelect(); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]Program{
		"auto mode":     {Name: "P", Format: FormatPeer, Mode: ModeAuto, Status: StatusMatching},
		"circle format": {Name: "P", Format: FormatCircles, Mode: ModeSelfSelect, Status: StatusMatching},
		"draft program": {Name: "P", Format: FormatPeer, Mode: ModeSelfSelect, Status: StatusDraft},
	} {
		if err := p.CheckSelfSelect(); ErrorCode(err) != ECONFLICT {
			t.Errorf("%s: %v, want a conflict", name, err)
		}
	}
}

func TestAbuseReport_Validate(t *testing.T) {
	a := AbuseReport{ReporterID: 1, ReportedID: 1, Reason: "   "}
	if got := fieldsOf(a.Validate()); !slices.Equal(got, []string{"person_id", "reason"}) {
		t.Fatalf("fields %v", got)
	}
	a = AbuseReport{ReporterID: 1, ReportedID: 2, Reason: " rude "}
	if err := a.Validate(); err != nil || a.Reason != "rude" {
		t.Fatalf("%v %q", err, a.Reason)
	}
}
