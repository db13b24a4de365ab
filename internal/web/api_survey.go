package web

import (
	"net/http"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// surveySummary is a program's closing surveys with their averages.
type surveySummary struct {
	Responses     int             `json:"responses"`
	Enrolled      int             `json:"enrolled"`
	MeanRating    float64         `json:"mean_rating"`
	RecommendRate float64         `json:"recommend_rate"`
	Items         []mentor.Survey `json:"items"`
}

func (s *Server) apiSurveyGet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.DB.Program(r.Context(), id); err != nil {
		return err
	}
	u := currentUser(r)
	var only int64
	if !u.Manages() {
		only = u.PersonID
	}
	list, err := s.DB.Surveys(r.Context(), id, only)
	if err != nil {
		return err
	}
	out := surveySummary{Responses: len(list), Items: list}
	for _, sv := range list {
		out.MeanRating += float64(sv.Rating)
		if sv.Recommend {
			out.RecommendRate++
		}
	}
	if len(list) > 0 {
		out.MeanRating /= float64(len(list))
		out.RecommendRate /= float64(len(list))
	}
	if u.Manages() {
		ens, err := s.Runs.Enrolled(r.Context(), id)
		if err != nil {
			return err
		}
		out.Enrolled = ens
	}
	return writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiSurveySubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Rating    int    `json:"rating"`
		Recommend bool   `json:"recommend"`
		Text      string `json:"text"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	sv := mentor.Survey{ProgramID: id, PersonID: currentUser(r).PersonID, Rating: in.Rating, Recommend: in.Recommend, Text: in.Text}
	if err := s.DB.SubmitSurvey(r.Context(), &sv); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, sv)
}
