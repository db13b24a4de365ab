// Package notify tells people about things outside the web UI: e-mail over
// SMTP (reminders, invitations) and iCalendar (RFC 5545) invitations and
// feeds. It reads no configuration itself; main passes a Config in.
package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net/mail"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// TLSPolicy says whether the SMTP connection is encrypted with STARTTLS.
type TLSPolicy string

// TLS policies.
const (
	// TLSNone never encrypts (a relay on the same host or a test server).
	TLSNone TLSPolicy = "none"
	// TLSOpportunistic encrypts when the server offers STARTTLS.
	TLSOpportunistic TLSPolicy = "opportunistic"
	// TLSMandatory refuses to send unless STARTTLS succeeds.
	TLSMandatory TLSPolicy = "mandatory"
)

// Config says how to reach the SMTP server.
type Config struct {
	Host string
	// Port is the SMTP port; 0 means 587 (submission).
	Port int
	// From is the sender, as in "mentormesh <noreply@example.org>".
	From string
	// Username and Password sign in to the server when Username is set. The
	// mechanism is negotiated; PLAIN and LOGIN are used only over TLS.
	Username string
	Password string
	// TLS is the STARTTLS policy; empty means opportunistic.
	TLS TLSPolicy
	// TLSConfig replaces the default certificate checks (system roots,
	// server name Host), for example to trust a private CA.
	TLSConfig *tls.Config
	// Timeout bounds connecting and each SMTP command; 0 means 15 seconds.
	Timeout time.Duration
	// Clock gives the time an invitation is made (its DTSTAMP); nil means
	// time.Now. Tests set it for reproducible messages.
	Clock func() time.Time
}

// Mailer sends e-mail through one SMTP server. It is safe for concurrent use:
// each Send opens its own connection.
type Mailer struct {
	cfg  Config
	from *mail.Address
}

// now is the mailer's clock.
func (m *Mailer) now() time.Time {
	if m.cfg.Clock != nil {
		return m.cfg.Clock()
	}
	return time.Now()
}

// NewMailer checks cfg and returns a Mailer. A missing host, a port out of
// range, an unparsable From address, an unknown TLS policy or a password
// without a username is EINVALID naming the field. It does not connect.
func NewMailer(cfg Config) (*Mailer, error) {
	var pr mentor.Problems
	cfg.Host = strings.TrimSpace(cfg.Host)
	if cfg.Port == 0 {
		cfg.Port = 587
	}
	if cfg.TLS == "" {
		cfg.TLS = TLSOpportunistic
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 15 * time.Second
	}
	pr.Check(cfg.Host == "", "host", "is required")
	pr.Check(cfg.Port < 1 || cfg.Port > 65535, "port", "must be between 1 and 65535")
	from, err := mail.ParseAddress(cfg.From)
	pr.Check(err != nil, "from", "must be an e-mail address, as in \"mentormesh <noreply@example.org>\"")
	switch cfg.TLS {
	case TLSNone, TLSOpportunistic, TLSMandatory:
	default:
		pr.Add("tls", "must be none, opportunistic or mandatory")
	}
	pr.Check(cfg.Username == "" && cfg.Password != "", "username", "is required with a password")
	pr.Check(cfg.Timeout < 0, "timeout", "must not be negative")
	if err := pr.Err("mail configuration"); err != nil {
		return nil, err
	}
	return &Mailer{cfg: cfg, from: from}, nil
}

// From returns the sender's address (without the display name).
func (m *Mailer) From() string { return m.from.Address }

// FromName returns the sender's display name, or "mentormesh" when it has none.
func (m *Mailer) FromName() string {
	if m.from.Name == "" {
		return "mentormesh"
	}
	return m.from.Name
}

// Message is one e-mail: plain text with optional attachments.
type Message struct {
	To          []string
	Subject     string
	Text        string
	Attachments []Attachment
}

// Attachment is a file attached to a Message.
type Attachment struct {
	Name string
	// ContentType is the MIME type with parameters, as in
	// "text/calendar; method=REQUEST; charset=utf-8".
	ContentType string
	Data        []byte
}

// Send delivers the messages over one SMTP connection. It returns an error
// (wrapping the SMTP client's) when a message has no recipient, an address is
// invalid, or the server cannot be reached or refuses a message; messages
// before the failing one may have been delivered.
func (m *Mailer) Send(ctx context.Context, msgs ...Message) error {
	if len(msgs) == 0 {
		return nil
	}
	out := make([]*gomail.Msg, 0, len(msgs))
	for i, msg := range msgs {
		gm, err := m.build(msg)
		if err != nil {
			return fmt.Errorf("mail %d (%q): %w", i, msg.Subject, err)
		}
		out = append(out, gm)
	}
	opts := []gomail.Option{gomail.WithPort(m.cfg.Port), gomail.WithTimeout(m.cfg.Timeout), gomail.WithTLSPolicy(tlsPolicy(m.cfg.TLS))}
	if m.cfg.TLSConfig != nil {
		tc := m.cfg.TLSConfig.Clone()
		if tc.ServerName == "" {
			tc.ServerName = m.cfg.Host
		}
		opts = append(opts, gomail.WithTLSConfig(tc))
	}
	if m.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(m.cfg.Username), gomail.WithPassword(m.cfg.Password))
	}
	client, err := gomail.NewClient(m.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("mail client: %w", err)
	}
	if err := client.DialAndSendWithContext(ctx, out...); err != nil {
		return fmt.Errorf("send mail via %s:%d: %w", m.cfg.Host, m.cfg.Port, err)
	}
	return nil
}

func (m *Mailer) build(msg Message) (*gomail.Msg, error) {
	if len(msg.To) == 0 {
		return nil, fmt.Errorf("no recipient")
	}
	gm := gomail.NewMsg()
	if err := gm.From(m.cfg.From); err != nil {
		return nil, fmt.Errorf("from: %w", err)
	}
	if err := gm.To(msg.To...); err != nil {
		return nil, fmt.Errorf("to: %w", err)
	}
	gm.Subject(msg.Subject)
	gm.SetDate()
	gm.SetMessageID()
	gm.SetBodyString(gomail.TypeTextPlain, msg.Text)
	for _, a := range msg.Attachments {
		ct := a.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		if err := gm.AttachReader(a.Name, bytes.NewReader(a.Data), gomail.WithFileContentType(gomail.ContentType(ct))); err != nil {
			return nil, fmt.Errorf("attach %s: %w", a.Name, err)
		}
	}
	return gm, nil
}

func tlsPolicy(p TLSPolicy) gomail.TLSPolicy {
	switch p {
	case TLSNone:
		return gomail.NoTLS
	case TLSMandatory:
		return gomail.TLSMandatory
	}
	return gomail.TLSOpportunistic
}
