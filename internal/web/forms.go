package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// form is a submitted HTML form as a page shows it again after a refusal:
// the values typed (kept, never lost) and the domain's errors, each shown
// beside its field. The zero form is an empty, unrefused form.
type form struct {
	Values  url.Values
	Errors  []mentor.FieldError
	Message string // the refusal as a sentence, above the form
}

// fieldMsg is one field's error, for the "ferr" component.
type fieldMsg struct{ ID, Message string }

// Value returns what was typed into the field.
func (f form) Value(name string) string { return f.Values.Get(name) }

// Checked reports whether a checkbox or radio button with this value was chosen.
func (f form) Checked(name, value string) bool {
	for _, v := range f.Values[name] {
		if v == value {
			return true
		}
	}
	return false
}

// Err returns the error of a field, for {{template "ferr" (.Form.Err "title")}}.
func (f form) Err(name string) fieldMsg {
	var msgs []string
	for _, e := range f.Errors {
		if e.Field == name {
			msgs = append(msgs, e.Message)
		}
	}
	return fieldMsg{ID: name, Message: strings.Join(msgs, "; ")}
}

// Refused reports whether the form was sent and refused.
func (f form) Refused() bool { return f.Message != "" || len(f.Errors) > 0 }

// Bad reports whether the field has an error (for aria-invalid).
func (f form) Bad(name string) bool { return f.Err(name).Message != "" }

// refused turns a domain error into a form to show again with the input,
// and the status to answer with. ok is false for errors a form cannot show
// (not found, forbidden, internal): those go to the error page.
func refused(r *http.Request, err error) (form, int, bool) {
	c := mentor.ErrorCode(err)
	if c != mentor.EINVALID && c != mentor.ECONFLICT {
		return form{}, 0, false
	}
	return form{Values: r.PostForm, Errors: mentor.ErrorFields(err), Message: mentor.ErrorMessage(err)}, codeStatus[c], true
}

// parseForm reads a posted form (guardText has already bounded its size).
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	return nil
}

// formFloat reads an optional number; ok is false when the text is not one.
func formFloat(r *http.Request, name string) (*float64, bool) {
	v := strings.TrimSpace(r.PostForm.Get(name))
	if v == "" {
		return nil, true
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
	if err != nil {
		return nil, false
	}
	return &f, true
}

// formInt reads a whole number, 0 when empty; ok is false when the text is not one.
func formInt(r *http.Request, name string) (int, bool) {
	v := strings.TrimSpace(r.PostForm.Get(name))
	if v == "" {
		return 0, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// fieldNames are the words for the field names the domain's errors use.
var fieldNames = map[string]string{
	"person_id": "Person", "match_id": "Match", "program_id": "Program", "owner_id": "Owner",
	"starts_at": "Date and time", "minutes": "Length", "due_date": "Due date", "skill_id": "Skill",
	"time_zone": "Time zone", "years_experience": "Years of experience", "birth_year": "Birth year",
	"shared_notes": "Shared notes", "mentee_id": "This session's mentee", "facilitator_id": "Facilitator",
	"relevance": "Relevant to", "plan": "Plan", "metric": "What you measure", "baseline": "Starting value",
	"target": "Target value", "title": "Title", "pulse": "How it is going", "rating": "Rating", "style": "Style",
}

// fieldWords returns the words for a field name such as "due_date" or "skills[2].level".
func fieldWords(f string) string {
	if n, ok := fieldNames[f]; ok {
		return n
	}
	if list, rest, ok := strings.Cut(f, "["); ok {
		idx, sub, _ := strings.Cut(rest, "].")
		if i, err := strconv.Atoi(idx); err == nil {
			return label(list) + " " + strconv.Itoa(i+1) + ", " + strings.ToLower(fieldWords(sub))
		}
	}
	return label(f)
}
