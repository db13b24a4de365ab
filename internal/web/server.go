// Package web serves mentormesh over HTTP: the JSON API under /api/v1, the
// server-rendered HTML pages, /healthz and /metrics.
package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/mentormesh/mentormesh/internal/matchrun"
	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/momentum"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/store"
)

// Server holds the dependencies of the HTTP layer. main builds the services
// once and sets every field; Handler fills the ones left nil over DB (as
// tests do).
type Server struct {
	DB      *store.DB
	Logger  *slog.Logger
	Version string
	// Runs runs matching, shortlists and rotation cycles.
	Runs *matchrun.Service
	// Momentum reports at-risk matches and runs the sweep.
	Momentum *momentum.Service
	// SessionTTL is how long a sign-in lasts at most (0: 12 hours).
	SessionTTL time.Duration
	// SessionIdle ends a sign-in that has not been used for this long (0: 2 hours).
	SessionIdle time.Duration
	// SignInLimits bound failed sign-ins per account and per client address
	// in a window (zero: DefaultSignInLimits).
	SignInLimits SignInLimits
	Mailer       *notify.Mailer // sends reminders and invitations; nil: no e-mail
	BaseURL      string         // public address for links in mail and calendars, as in "https://mentor.example.org"

	compare comparisonCache // the advisor's evidence

	mux      *http.ServeMux
	pages    map[string]*template.Template // parsed once by Handler
	patterns []Route
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// Handler returns the server's root handler with every route and middleware.
// It parses the page templates once; they are embedded in the binary and
// parsed by every test of this package, so a parse error is a programming
// error and Handler panics with it.
func (s *Server) Handler() http.Handler {
	pages, err := parsePages()
	if err != nil {
		panic(err)
	}
	s.pages = pages
	if s.SessionTTL == 0 {
		s.SessionTTL = 12 * time.Hour
	}
	if s.SessionIdle == 0 {
		s.SessionIdle = 2 * time.Hour
	}
	if s.SignInLimits == (SignInLimits{}) {
		s.SignInLimits = DefaultSignInLimits
	}
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
	if s.Runs == nil {
		s.Runs = &matchrun.Service{DB: s.DB}
	}
	if s.Momentum == nil {
		s.Momentum = &momentum.Service{DB: s.DB, BaseURL: strings.TrimRight(s.BaseURL, "/"), Logger: s.Logger}
		if s.Mailer != nil { // a nil *notify.Mailer must not become a non-nil Sender
			s.Momentum.Mail = s.Mailer
		}
	}
	s.registry = prometheus.NewRegistry()
	s.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mentormesh_http_requests_total", Help: "HTTP requests by route and status."}, []string{"route", "method", "status"})
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "mentormesh_http_request_seconds", Help: "HTTP request latency by route.", Buckets: prometheus.DefBuckets}, []string{"route"})
	s.registry.MustRegister(s.requests, s.latency)
	s.mux = http.NewServeMux()
	s.routes()
	var h http.Handler = http.HandlerFunc(s.dispatch)
	h = s.authenticate(h)
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(s.crossOriginRefused))
	h = csrf.Handler(h)
	h = s.guardText(h)
	h = secureHeaders(h)
	h = s.observe(h)
	return h
}

// Route is a registered route pattern and whether it needs sign-in.
type Route struct {
	Pattern string
	Public  bool
}

// Routes lists the registered routes, for the OpenAPI and sign-in checks.
// It is valid after Handler has been called.
func (s *Server) Routes() []Route { return s.patterns }

// route registers a public route: no sign-in needed.
func (s *Server) route(pattern string, h http.Handler) {
	s.mux.Handle(pattern, h)
	s.patterns = append(s.patterns, Route{Pattern: pattern, Public: true})
}

// private registers a route that answers 401 (or redirects a browser to the
// sign-in page) unless the request is signed in.
func (s *Server) private(pattern string, h handlerFunc) {
	s.mux.Handle(pattern, s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if currentUser(r) == nil {
			return mentor.Errorf(mentor.EUNAUTHORIZED, "Sign in first.")
		}
		return h(w, r)
	}))
	s.patterns = append(s.patterns, Route{Pattern: pattern})
}

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyUser
	keyToken
)

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(keyRequestID).(string)
	return id
}

// statusWriter remembers the status code for logs and metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe gives each request an id, recovers panics, logs and counts it.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		r = r.WithContext(context.WithValue(r.Context(), keyRequestID, id))
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				s.Logger.ErrorContext(r.Context(), "panic", "value", v, "stack", string(debug.Stack()), "request_id", id)
				if sw.status == 0 {
					s.writeError(sw, r, mentor.Internal(fmt.Errorf("panic: %v", v)))
				}
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.requests.WithLabelValues(route, r.Method, strconv.Itoa(sw.status)).Inc()
			s.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
			s.Logger.InfoContext(r.Context(), "request", "method", r.Method, "path", logPath(r), "status", sw.status,
				"duration_ms", time.Since(start).Milliseconds(), "request_id", id)
		}()
		next.ServeHTTP(sw, r)
	})
}

// secretPaths are path prefixes whose rest is a secret: the calendar feed
// address carries its token, and whoever reads the logs must not be able to
// subscribe to someone's meetings.
var secretPaths = []string{"/calendar/"}

// logPath is the request path as logs may show it: secrets replaced. The
// query string is never logged.
func logPath(r *http.Request) string {
	for _, p := range secretPaths {
		if strings.HasPrefix(r.URL.Path, p) {
			return p + "[redacted]"
		}
	}
	return r.URL.Path
}

func (s *Server) routes() {
	s.route("GET /healthz", s.handle(s.healthz))
	metrics := promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})
	s.private("GET /metrics", func(w http.ResponseWriter, r *http.Request) error {
		if !currentUser(r).Manages() {
			return forbidden("Metrics are for admins and coordinators.")
		}
		metrics.ServeHTTP(w, r)
		return nil
	})
	s.private("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) error {
		serveOpenAPI(w, r)
		return nil
	})
	s.apiRoutes()
	s.reportRoutes()
	s.trialRoutes()
	s.htmlRoutes()
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.DB.Ping(ctx); err != nil {
		logError(s.Logger, r, "health check", err)
		return writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "database": "down"})
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "database": string(s.DB.Dialect()), "version": s.Version})
}
