package web

import (
	"net/http"
	"strconv"

	"github.com/mentormesh/mentormesh/internal/mentor"
	"github.com/mentormesh/mentormesh/internal/store"
)

func (s *Server) apiSkillsList(w http.ResponseWriter, r *http.Request) error {
	pg, err := page(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	if name := q.Get("resolve"); name != "" {
		sk, err := s.DB.ResolveSkill(r.Context(), name)
		if err != nil {
			return err
		}
		return writeList(w, []mentor.Skill{*sk}, "")
	}
	skills, next, err := s.DB.Skills(r.Context(), store.SkillFilter{Query: q.Get("q"), Category: q.Get("category"), Page: pg})
	if err != nil {
		return err
	}
	return writeList(w, skills, next)
}

func (s *Server) apiSkillGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sk, err := s.DB.Skill(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sk)
}

func (s *Server) apiSkillsCreate(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	var in struct {
		Name     string   `json:"name"`
		Category string   `json:"category"`
		Aliases  []string `json:"aliases"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	sk := mentor.Skill{Name: in.Name, Category: in.Category, Aliases: in.Aliases}
	if err := s.DB.CreateSkill(r.Context(), &sk); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/skills/"+strconv.FormatInt(sk.ID, 10))
	return writeJSON(w, http.StatusCreated, sk)
}

func (s *Server) apiSkillAliasAdd(w http.ResponseWriter, r *http.Request) error {
	if err := requireManager(r); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Alias string `json:"alias"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := s.DB.AddSkillAlias(r.Context(), id, in.Alias); err != nil {
		return err
	}
	sk, err := s.DB.Skill(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, sk)
}
