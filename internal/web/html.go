package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var pages = map[string]*template.Template{}

func init() {
	funcs := template.FuncMap{
		"deref": func(f *float64) float64 {
			if f == nil {
				return 0
			}
			return *f
		},
		"percent": func(g mentor.Goal) int { return int(g.Progress()*100 + 0.5) },
		"pct":     func(x float64) float64 { return x * 100 },
	}
	for _, name := range []string{"login", "error", "home", "signup", "program"} {
		pages[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
	}
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

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	return pages[name].ExecuteTemplate(w, name+".html", data)
}

func (s *Server) renderErrorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	data := struct {
		pageData
		Status     int
		StatusText string
		Message    string
	}{s.base(r, http.StatusText(status)), status, http.StatusText(status), msg}
	if err := s.render(w, r, status, "error", data); err != nil {
		logError(s.Logger, r, "render error page", err)
	}
}

func (s *Server) htmlRoutes() {
	static, _ := fs.Sub(staticFS, "static")
	s.route("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.route("GET /login", s.handle(s.loginPage))
	s.route("POST /login", s.handle(s.loginSubmit))
	s.route("POST /logout", s.handle(s.logoutSubmit))
	s.route("GET /signup/{slug}", s.handle(s.signupPage))
	s.private("POST /signup/{slug}", s.signupSubmit)
	s.private("GET /{$}", s.homePage)
	s.private("GET /programs/{id}", s.programPage)
	s.private("POST /matches/{id}/respond", s.respondSubmit)
	s.private("POST /programs/{id}/match-runs", s.programRunSubmit)
	s.private("POST /match-runs/{id}/publish", s.runPublishSubmit)
}

type loginData struct {
	pageData
	Next, Email, Error string
}

// safeNext keeps redirects on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/"
	}
	return next
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "login", loginData{pageData: s.base(r, "Sign in"), Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	email, next := r.PostForm.Get("email"), safeNext(r.PostForm.Get("next"))
	u, err := s.DB.Authenticate(r.Context(), email, r.PostForm.Get("password"))
	if mentor.ErrorCode(err) == mentor.EUNAUTHORIZED {
		return s.render(w, r, http.StatusUnauthorized, "login", loginData{pageData: s.base(r, "Sign in"), Next: next, Email: email, Error: mentor.ErrorMessage(err)})
	}
	if err != nil {
		return err
	}
	token, err := s.DB.CreateSession(r.Context(), u.ID, store.SessionCookie, s.SessionTTL)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: r.TLS != nil, Expires: time.Now().Add(s.SessionTTL)})
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(SessionCookie); err == nil {
		if err := s.DB.DeleteSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

type programRow struct {
	Program           mentor.Program
	Enrolled, Matches int
}

type matchRow struct {
	Match       mentor.Match
	ProgramName string
	// Answered is true when the viewer has already answered the proposal.
	Answered bool
}

func (s *Server) homePage(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), currentUser(r)
	data := struct {
		pageData
		Manages  bool
		Programs []programRow
		Matches  []matchRow
		Meetings []mentor.Meeting
		Goals    []mentor.Goal
		Open     []mentor.Program
	}{pageData: s.base(r, "Home"), Manages: u.Manages()}
	if u.Manages() {
		programs, _, err := s.DB.Programs(ctx, store.ProgramFilter{Page: store.Page{Limit: store.MaxLimit}})
		if err != nil {
			return err
		}
		for _, p := range programs {
			ens, _, err := s.DB.Enrollments(ctx, store.EnrollmentFilter{ProgramID: p.ID, Page: store.Page{Limit: store.MaxLimit}})
			if err != nil {
				return err
			}
			ms, _, err := s.DB.Matches(ctx, store.MatchFilter{ProgramID: p.ID, Page: store.Page{Limit: store.MaxLimit}})
			if err != nil {
				return err
			}
			data.Programs = append(data.Programs, programRow{Program: p, Enrolled: len(ens), Matches: len(ms)})
		}
		return s.render(w, r, http.StatusOK, "home", data)
	}
	ms, _, err := s.DB.Matches(ctx, store.MatchFilter{PersonID: u.PersonID, Published: true})
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, m := range ms {
		if _, ok := names[m.ProgramID]; !ok {
			if p, err := s.DB.Program(ctx, m.ProgramID); err == nil {
				names[m.ProgramID] = p.Name
			}
		}
		row := matchRow{Match: m, ProgramName: names[m.ProgramID]}
		for _, mm := range m.Members {
			row.Answered = row.Answered || mm.PersonID == u.PersonID && mm.Response != "pending"
		}
		data.Matches = append(data.Matches, row)
	}
	if data.Meetings, _, err = s.DB.Meetings(ctx, store.MeetingFilter{PersonID: u.PersonID, From: time.Now().UTC(), Status: "scheduled", Page: store.Page{Limit: 5}}); err != nil {
		return err
	}
	if data.Goals, _, err = s.DB.Goals(ctx, store.GoalFilter{OwnerID: u.PersonID, Status: mentor.GoalOpen}); err != nil {
		return err
	}
	open, _, err := s.DB.Programs(ctx, store.ProgramFilter{Status: mentor.StatusEnrolling})
	if err != nil {
		return err
	}
	for _, p := range open {
		if p.Slug != "" {
			data.Open = append(data.Open, p)
		}
	}
	return s.render(w, r, http.StatusOK, "home", data)
}

type signupData struct {
	pageData
	Program     *mentor.Program
	Roles       []mentor.Role
	Error, Done string
}

func (s *Server) signupPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.DB.ProgramBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "signup", signupData{pageData: s.base(r, p.Name), Program: p, Roles: p.Format.Roles()})
}

func (s *Server) signupSubmit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.DB.ProgramBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	data := signupData{pageData: s.base(r, p.Name), Program: p, Roles: p.Format.Roles()}
	if p.Status != mentor.StatusEnrolling {
		data.Error = "This program is not taking sign-ups at the moment."
		return s.render(w, r, http.StatusConflict, "signup", data)
	}
	e := mentor.Enrollment{ProgramID: p.ID, PersonID: currentUser(r).PersonID, Role: mentor.Role(r.PostForm.Get("role")), Goals: r.PostForm.Get("goals")}
	if e.Role == mentor.RoleMentor {
		e.Capacity, _ = strconv.Atoi(r.PostForm.Get("capacity"))
	}
	if err := s.DB.CreateEnrollment(r.Context(), &e); err != nil {
		if c := mentor.ErrorCode(err); c == mentor.EINVALID || c == mentor.ECONFLICT {
			msg := mentor.ErrorMessage(err)
			for _, f := range mentor.ErrorFields(err) {
				msg += " " + f.Field + ": " + f.Message + "."
			}
			data.Error = msg
			return s.render(w, r, codeStatus[c], "signup", data)
		}
		return err
	}
	data.Done = "You are signed up as " + string(e.Role) + "."
	if e.Status == mentor.EnrollmentWaitlisted {
		data.Done += " You are on the waitlist."
	}
	return s.render(w, r, http.StatusOK, "signup", data)
}

// respondSubmit accepts or declines a proposed match from the home page.
func (s *Server) respondSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.memberOf(r, id); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return badRequest("", "The form could not be read.")
	}
	answer := r.PostForm.Get("answer")
	if answer != "accept" && answer != "decline" {
		return badRequest("answer", "answer must be accept or decline")
	}
	if _, err := s.DB.RespondToMatch(r.Context(), id, currentUser(r).PersonID, answer == "accept", r.PostForm.Get("reason")); err != nil {
		return err
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
