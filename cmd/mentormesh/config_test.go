package main

import (
	"io"
	"strings"
	"testing"
	"time"
)

func TestSettings_BadValuesNameTheVariable(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string // in the error; "" for no error
	}{
		{name: "defaults", want: ""},
		{name: "sweep not a duration", env: map[string]string{"MENTORMESH_SWEEP_EVERY": "abc"}, want: "MENTORMESH_SWEEP_EVERY"},
		{name: "sweep negative", env: map[string]string{"MENTORMESH_SWEEP_EVERY": "-5m"}, want: "MENTORMESH_SWEEP_EVERY"},
		{name: "smtp port not a number", env: map[string]string{"MENTORMESH_SMTP_PORT": "25x"}, want: "MENTORMESH_SMTP_PORT"},
		{name: "smtp port out of range", env: map[string]string{"MENTORMESH_SMTP_PORT": "70000"}, want: "MENTORMESH_SMTP_PORT"},
		{name: "smtp port flag out of range", args: []string{"--smtp-port", "0"}, want: "--smtp-port"},
		{name: "tls policy unknown", env: map[string]string{"MENTORMESH_SMTP_TLS": "sometimes"}, want: "MENTORMESH_SMTP_TLS"},
		{name: "log format unknown", env: map[string]string{"MENTORMESH_LOG": "xml"}, want: "MENTORMESH_LOG"},
		{name: "session too short", args: []string{"--session-ttl", "5s"}, want: "MENTORMESH_SESSION_TTL"},
		{name: "flag wins over environment", env: map[string]string{"MENTORMESH_SWEEP_EVERY": "2h"}, args: []string{"--sweep-every", "0"}, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSettings("serve", io.Discard, func(k string) string { return tt.env[k] })
			cfg := s.server()
			err := s.noArgs(tt.args)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && err == nil:
				t.Fatalf("accepted; want an error naming %s", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Fatalf("error %q does not name %s", err, tt.want)
			}
			if tt.name == "flag wins over environment" && cfg.sweepEvery != 0 {
				t.Fatalf("sweep every %s; the flag said 0", cfg.sweepEvery)
			}
			if tt.name == "defaults" && (cfg.sweepEvery != time.Hour || cfg.smtp.Port != 587 || cfg.addr != "127.0.0.1:8080") {
				t.Fatalf("defaults: %+v", cfg)
			}
		})
	}
}

func TestServe_BadEnvironmentStopsTheStart(t *testing.T) {
	t.Setenv("MENTORMESH_SWEEP_EVERY", "every hour")
	code, out, errs := runCLI(t, "serve", "--addr", "127.0.0.1:0", "--db", "sqlite:"+t.TempDir()+"/m.db")
	if code != 2 {
		t.Fatalf("exit %d, want 2\nstdout: %s\nstderr: %s", code, out, errs)
	}
	if !strings.Contains(errs, "MENTORMESH_SWEEP_EVERY") || strings.Contains(out, "URL:") {
		t.Fatalf("stderr does not name the variable, or the server started:\nstdout: %s\nstderr: %s", out, errs)
	}
}
