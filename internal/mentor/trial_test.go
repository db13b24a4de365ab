package mentor

import "testing"

func TestTrial_Validate(t *testing.T) {
	for _, tc := range []struct {
		name     string
		trial    Trial
		programs []int64
		field    string // "" when valid
	}{
		{"valid", Trial{Name: " Mentor or peer? "}, []int64{3, 5}, ""},
		{"four arms and a seed", Trial{Name: "Four ways", Seed: MaxTrialSeed}, []int64{1, 2, 3, 4}, ""},
		{"no name", Trial{Name: "  "}, []int64{3, 5}, "name"},
		{"one program", Trial{Name: "Alone"}, []int64{3}, "program_ids"},
		{"five programs", Trial{Name: "Crowded"}, []int64{1, 2, 3, 4, 5}, "program_ids"},
		{"twice", Trial{Name: "Echo"}, []int64{3, 3}, "program_ids"},
		{"zero id", Trial{Name: "Zero"}, []int64{0, 3}, "program_ids"},
		{"negative seed", Trial{Name: "Minus", Seed: -1}, []int64{3, 5}, "seed"},
		{"seed too large", Trial{Name: "Huge", Seed: MaxTrialSeed + 1}, []int64{3, 5}, "seed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.trial.Validate(tc.programs)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if ErrorCode(err) != EINVALID || len(ErrorFields(err)) != 1 || ErrorFields(err)[0].Field != tc.field {
				t.Fatalf("error %v (fields %v), want EINVALID naming %s", err, ErrorFields(err), tc.field)
			}
		})
	}
}

func TestTrialRole(t *testing.T) {
	want := map[Format]Role{FormatMentoring: RoleMentee, FormatReverse: RoleMentee, FormatShadow: RoleMentee, FormatFlash: RoleMentee,
		FormatAdvisoryBoard: RoleMentee, FormatPeer: RolePeer, FormatSkillSwap: RolePeer, FormatRotation: RolePeer, FormatCircles: RoleMember}
	for _, f := range Formats {
		if got := TrialRole(f); got != want[f] {
			t.Errorf("TrialRole(%s) = %s, want %s", f, got, want[f])
		}
	}
}
