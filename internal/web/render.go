package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames lists the pages; each is templates/NAME.html inside templates/layout.html.
var pageNames = []string{"login", "error", "home", "signup", "program", "reports", "reports_formats", "program_report", "advisor"}

// templateFuncs are the helpers every page template may call.
var templateFuncs = template.FuncMap{
	"deref": func(f *float64) float64 {
		if f == nil {
			return 0
		}
		return *f
	},
	"percent": func(g mentor.Goal) int { return int(g.Progress()*100 + 0.5) },
	"pct":     func(x float64) float64 { return x * 100 },
	"pctInt":  func(x float64) int { return int(x*100 + 0.5) },
	"share":   share,
	"dec1":    dec1,
	// cohortWords names the generations the cohort filter offers.
	"cohortWords": func() map[string]string {
		return map[string]string{"gen_z": "Generation Z", "millennial": "Millennials", "gen_x": "Generation X", "boomer": "Baby boomers"}
	},
}

// parsePages parses every page template once, each with the shared layout.
func parsePages() (map[string]*template.Template, error) {
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html", "templates/*parts.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// page data shared by every template.
type pageData struct {
	Title      string
	User       *mentor.User
	PersonName string
}

func (s *Server) base(r *http.Request, title string) pageData {
	d := pageData{Title: title, User: currentUser(r)}
	if d.User != nil {
		if p, err := s.DB.Person(r.Context(), d.User.PersonID); err == nil {
			d.PersonName = p.Name
		}
	}
	return d
}

// render executes the page into a buffer first and writes it only when the
// whole page rendered, so a template error is a clean 500 error page, never a
// half-written one.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("render: no page named %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name+".html", data); err != nil {
		return fmt.Errorf("render page %s: %w", name, err)
	}
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
	s.route("GET /login", s.handle(s.loginPage))
	s.route("POST /login", s.handle(s.loginSubmit))
	s.route("POST /logout", s.handle(s.logoutSubmit))
	s.route("GET /signup/{slug}", s.handle(s.signupPage))
	s.private("POST /signup/{slug}", s.signupSubmit)
	s.private("GET /{$}", s.homePage)
	s.private("GET /programs/{id}", s.programPage)
	s.private("GET /programs/{id}/report", s.programReportPage)
	s.private("GET /reports", s.reportsPage)
	s.private("GET /reports/formats", s.reportsFormatsPage)
	s.private("GET /advisor", s.advisorPage)
	s.private("POST /matches/{id}/respond", s.respondSubmit)
	s.private("POST /programs/{id}/match-runs", s.programRunSubmit)
	s.private("POST /match-runs/{id}/publish", s.runPublishSubmit)
}
