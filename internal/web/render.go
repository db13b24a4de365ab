package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames lists the pages; each is templates/NAME.html inside
// templates/layout.html, with the shared components of templates/parts.html.
var pageNames = []string{"login", "error", "home", "signup", "program", "console", "reports", "reports_formats", "program_report", "advisor", "match", "matches", "meeting", "meetings", "goals", "goal_new", "goal", "officehours", "trials", "trial", "programs", "profile"}

// pageParts lists further template files a page uses besides its own.
var pageParts = map[string][]string{"match": {"templates/match_care.html"}}

// templateFuncs are the helpers every page template may call. Dates and
// times are methods of pageData (viewer.go): they need the viewer's zone.
var templateFuncs = template.FuncMap{
	"deref":      valueOf,
	"percent":    func(g mentor.Goal) int { return int(g.Progress()*100 + 0.5) },
	"pct":        func(x float64) float64 { return x * 100 },
	"label":      label,
	"formatLine": formatLine,
	"fieldName":  fieldWords,
	// fieldError returns the message for one field of a form's errors, or "".
	"fieldError": func(errs []mentor.FieldError, name string) string {
		var msgs []string
		for _, e := range errs {
			if e.Field == name {
				msgs = append(msgs, e.Message)
			}
		}
		return strings.Join(msgs, "; ")
	},
	"num": func(f float64) string { return num(f) },
	"add": func(a, b int) int { return a + b },
	// join writes the non-empty parts with " · " between them.
	"join": func(parts ...string) string {
		return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " · ")
	},
	"pulseWords": func() []string { return pulseWords },
	"seq": func(from, to int) []int {
		var out []int
		for i := from; i <= to; i++ {
			out = append(out, i)
		}
		return out
	},
	"pctInt": func(x float64) int { return int(x*100 + 0.5) },
	"share":  share,
	"dec1":   dec1,
	// cohortWords names the generations the cohort filter offers.
	"cohortWords": func() map[string]string {
		return map[string]string{"gen_z": "Generation Z", "millennial": "Millennials", "gen_x": "Generation X", "boomer": "Baby boomers"}
	},
}

// parsePages parses every page template once, each with the shared layout
// and components (templates/parts.html and the report parts).
func parsePages() (map[string]*template.Template, error) {
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		files := append([]string{"templates/layout.html", "templates/*parts.html", "templates/" + name + ".html"}, pageParts[name]...)
		t, err := template.New(name).Funcs(templateFuncs).ParseFS(templateFS, files...)
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// navItem is one link of the navigation bar.
type navItem struct {
	Href, Text string
	Current    bool
}

// pageData is what every template gets: the title, the viewer, the
// navigation, the flash message and the viewer's time zone.
type pageData struct {
	Title      string
	User       *mentor.User
	PersonName string
	Nav        []navItem
	// Flash is the message of the action just done ("Goal saved."), shown once.
	Flash string
	// Loc is the viewer's time zone; Now the server's clock (the store's, so tests can fix it).
	Loc *time.Location
	Now time.Time
}

// navFor lists the navigation of a signed-in user; coordinators and admins
// also get their console. current is the request path.
func navFor(u *mentor.User, current string) []navItem {
	items := []navItem{{Href: "/", Text: "Home"}, {Href: "/matches", Text: "My matches"}, {Href: "/goals", Text: "Goals"},
		{Href: "/meetings", Text: "Meetings"}, {Href: "/office-hours", Text: "Office hours"}, {Href: "/programs", Text: "Programs"},
		{Href: "/profile", Text: "Profile"}}
	if u.Manages() {
		items = append(items, navItem{Href: "/console", Text: "Console"}, navItem{Href: "/reports", Text: "Reports"})
	} else {
		items = append(items, navItem{Href: "/advisor", Text: "Which format fits me?"})
	}
	for i := range items {
		h := items[i].Href
		items[i].Current = current == h || h != "/" && strings.HasPrefix(current, h+"/")
	}
	return items
}

func (s *Server) base(r *http.Request, title string) pageData {
	d := pageData{Title: title, User: currentUser(r), Flash: readFlash(r), Loc: time.UTC, Now: time.Now()}
	if s.DB != nil {
		d.Now = s.DB.Now()
	}
	if d.User != nil {
		d.Nav = navFor(d.User, r.URL.Path)
		if p, err := s.DB.Person(r.Context(), d.User.PersonID); err == nil {
			d.PersonName, d.Loc = p.Name, loadZone(p.TimeZone)
		}
	}
	return d
}

// render executes the page into a buffer first and writes it only when the
// whole page rendered, so a template error is a clean 500 error page, never a
// half-written one. A flash message the request carried has been shown by
// then, so its cookie is cleared.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("render: no page named %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name+".html", data); err != nil {
		return fmt.Errorf("render page %s: %w", name, err)
	}
	s.clearFlash(w, r)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

func (s *Server) renderErrorPage(w http.ResponseWriter, r *http.Request, status int, msg string, fields []mentor.FieldError) {
	data := struct {
		pageData
		Status     int
		StatusText string
		Message    string
		Fields     []mentor.FieldError
	}{s.base(r, http.StatusText(status)), status, http.StatusText(status), msg, fields}
	if err := s.render(w, r, status, "error", data); err != nil {
		logError(s.Logger, r, "render error page", err)
		// The error page itself failed: answer in plain words rather than not at all.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, "%d %s\n", status, http.StatusText(status))
	}
}

func (s *Server) htmlRoutes() {
	static, _ := fs.Sub(staticFS, "static")
	s.route("GET /static/", http.StripPrefix("/static/", s.noListing(http.FileServerFS(static))))
	s.route("GET /favicon.ico", http.RedirectHandler("/static/favicon.svg", http.StatusMovedPermanently))
	s.route("GET /login", s.handle(s.loginPage))
	s.route("POST /login", s.handle(s.loginSubmit))
	s.route("POST /logout", s.handle(s.logoutSubmit))
	s.route("GET /signup/{slug}", s.handle(s.signupPage))
	s.private("POST /signup/{slug}", s.signupSubmit)
	s.private("GET /{$}", s.homePage)
	s.private("GET /console", s.consolePage)
	s.private("GET /programs", s.programsPage)
	s.private("GET /profile", s.profilePage)
	s.private("POST /profile", s.profileSubmit)
	s.private("POST /profile/calendar", s.profileCalendar)
	s.private("POST /programs/{id}/withdraw", s.programWithdraw)
	s.private("GET /programs/{id}", s.programPage)
	s.private("GET /programs/{id}/report", s.programReportPage)
	s.private("GET /reports", s.reportsPage)
	s.private("GET /reports/formats", s.reportsFormatsPage)
	s.private("GET /advisor", s.advisorPage)
	s.private("GET /trials", s.trialsPage)
	s.private("POST /trials", s.trialsCreate)
	s.private("GET /trials/{id}", s.trialPage)
	s.private("POST /trials/{id}/volunteers", s.trialVolunteer)
	s.private("POST /trials/{id}/close", s.trialClose)
	s.private("POST /matches/{id}/respond", s.respondSubmit)
	s.matchPageRoutes()
	s.meetingPageRoutes()
	s.goalPageRoutes()
	s.officeHoursRoutesHTML()
	s.private("POST /programs/{id}/match-runs", s.programRunSubmit)
	s.private("POST /match-runs/{id}/publish", s.runPublishSubmit)
}
