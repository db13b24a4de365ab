package notify_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/notify"
	"github.com/mentormesh/mentormesh/internal/notify/notifytest"
)

func TestNewMailer_Invalid(t *testing.T) {
	cases := []struct {
		name  string
		cfg   notify.Config
		field string
	}{
		{"no host", notify.Config{From: "a@b.c"}, "host"},
		{"port too large", notify.Config{Host: "h", Port: 70000, From: "a@b.c"}, "port"},
		{"bad from", notify.Config{Host: "h", From: "not an address"}, "from"},
		{"unknown TLS policy", notify.Config{Host: "h", From: "a@b.c", TLS: "sometimes"}, "tls"},
		{"password without user", notify.Config{Host: "h", From: "a@b.c", Password: "x"}, "username"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := notify.NewMailer(c.cfg)
			if mentor.ErrorCode(err) != mentor.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			found := false
			for _, f := range mentor.ErrorFields(err) {
				found = found || f.Field == c.field
			}
			if !found {
				t.Fatalf("field %q not named: %v", c.field, err)
			}
		})
	}
	m, err := notify.NewMailer(notify.Config{Host: "smtp.example.org", From: "Mentoring Office <office@example.org>"})
	if err != nil || m.From() != "office@example.org" || m.FromName() != "Mentoring Office" {
		t.Fatalf("valid config: %v %+v", err, m)
	}
}

func meeting() mentor.Meeting {
	return mentor.Meeting{ID: 9, MatchID: 4, Minutes: 30, Kind: mentor.MeetingRegular, Status: "scheduled",
		StartsAt: time.Date(2030, 5, 6, 14, 0, 0, 0, time.UTC), Agenda: "Career plan, part 2; bring questions."}
}

func TestMailer_InviteThroughMailpit(t *testing.T) {
	mp := notifytest.Start(t, notifytest.Options{})
	m, err := notify.NewMailer(mp.Config("mentormesh <noreply@mentor.example.org>"))
	if err != nil {
		t.Fatal(err)
	}
	attendees := []notify.Attendee{{Name: "Ana Mentee", Email: "ana@example.com"}, {Name: "Ben Mentor", Email: "ben@example.com"}}
	link := "https://mentor.example.org/meetings/9"
	if err := m.Invite(context.Background(), meeting(), attendees, link); err != nil {
		t.Fatal(err)
	}
	list := mp.WaitFor(t, 1)
	if len(list) != 1 {
		t.Fatalf("%d messages, want one invitation to both", len(list))
	}
	msg := mp.Message(t, list[0].ID)
	var to []string
	for _, a := range msg.To {
		to = append(to, a.Address)
	}
	sort.Strings(to)
	if strings.Join(to, ",") != "ana@example.com,ben@example.com" || msg.From.Address != "noreply@mentor.example.org" {
		t.Fatalf("recipients %v from %v", to, msg.From)
	}
	wantSubject := "Invitation: Mentoring meeting: Ana Mentee, Ben Mentor, Mon 6 May 2030 14:00 UTC"
	if msg.Subject != wantSubject {
		t.Fatalf("subject %q, want %q", msg.Subject, wantSubject)
	}
	if !strings.Contains(msg.Text, "Career plan, part 2; bring questions.") || !strings.Contains(msg.Text, link) {
		t.Fatalf("text lacks agenda or link: %q", msg.Text)
	}
	if len(msg.Attachments) != 1 {
		t.Fatalf("attachments: %+v", msg.Attachments)
	}
	att := msg.Attachments[0]
	if att.FileName != "invite.ics" || !strings.HasPrefix(att.ContentType, "text/calendar") {
		t.Fatalf("attachment %+v, want invite.ics as text/calendar", att)
	}
	ics := mp.PartData(t, msg.ID, att.PartID)
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "METHOD:REQUEST\r\n", "UID:meeting-9@mentor.example.org\r\n",
		"DTSTART:20300506T140000Z\r\n", "DTEND:20300506T143000Z\r\n", "ORGANIZER;CN=mentormesh:mailto:noreply@mentor.example.org\r\n",
		"DESCRIPTION:Career plan\\, part 2\\; bring questions.", ":mailto:ana@example.com\r\n", ":mailto:ben@example.com\r\n"} {
		if !bytes.Contains(ics, []byte(want)) {
			t.Errorf("the attached calendar lacks %q:\n%s", want, ics)
		}
	}
}

func TestMailer_SendFailures(t *testing.T) {
	mp := notifytest.Start(t, notifytest.Options{})
	m, err := notify.NewMailer(mp.Config("noreply@example.org"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := m.Send(ctx, notify.Message{Subject: "nobody"}); err == nil {
		t.Error("a message without recipients must fail")
	}
	if err := m.Invite(ctx, meeting(), []notify.Attendee{{Name: "No Address"}}, ""); err == nil {
		t.Error("an invitation nobody can receive must fail")
	}
	cfg := mp.Config("noreply@example.org")
	cfg.TLS = notify.TLSMandatory
	strict, err := notify.NewMailer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := strict.Send(ctx, notify.Message{To: []string{"a@example.com"}, Subject: "x", Text: "x"}); err == nil {
		t.Error("mandatory TLS must refuse a server without STARTTLS")
	}
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cfg = mp.Config("noreply@example.org")
	cfg.Port, cfg.Timeout = port, time.Second
	down, _ := notify.NewMailer(cfg)
	if err := down.Send(ctx, notify.Message{To: []string{"a@example.com"}, Subject: "x", Text: "x"}); err == nil {
		t.Error("an unreachable server must fail")
	}
	if got := len(mp.Messages(t)); got != 0 {
		t.Fatalf("%d messages arrived, want none", got)
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns
// their paths and a pool that trusts it.
func selfSigned(tb testing.TB) (string, string, *x509.CertPool) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func TestMailer_STARTTLSWithAuth(t *testing.T) {
	certFile, keyFile, pool := selfSigned(t)
	mp := notifytest.Start(t, notifytest.Options{CertFile: certFile, KeyFile: keyFile, RequireTLS: true, AcceptAnyAuth: true})
	ctx := context.Background()
	msg := notify.Message{To: []string{"cora@example.com"}, Subject: "Over TLS", Text: "hello"}

	plain := mp.Config("noreply@example.org")
	m, _ := notify.NewMailer(plain)
	if err := m.Send(ctx, msg); err == nil {
		t.Fatal("a server that requires STARTTLS must refuse mail without it")
	}

	cfg := mp.Config("noreply@example.org")
	cfg.TLS, cfg.Username, cfg.Password = notify.TLSMandatory, "sweeper", "secret password"
	cfg.TLSConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	m, err := notify.NewMailer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(ctx, msg); err != nil {
		t.Fatalf("send over STARTTLS with auth: %v", err)
	}
	cfg.TLSConfig = nil // the system roots do not trust the test certificate
	untrusting, _ := notify.NewMailer(cfg)
	if err := untrusting.Send(ctx, msg); err == nil {
		t.Fatal("an untrusted certificate must be refused")
	}
	list := mp.WaitFor(t, 1)
	if len(list) != 1 || list[0].Subject != "Over TLS" || list[0].Username != "sweeper" || list[0].To[0].Address != "cora@example.com" {
		t.Fatalf("received %+v, want one message authenticated as sweeper", list)
	}
}
