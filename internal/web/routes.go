package web

func (s *Server) apiRoutes() {
	s.route("POST /api/v1/login", s.handle(s.apiLogin))
	s.private("POST /api/v1/logout", s.apiLogout)
	s.private("GET /api/v1/me", s.apiMe)
	s.private("PUT /api/v1/me", s.apiMeUpdate)

	s.private("GET /api/v1/people", s.apiPeopleList)
	s.private("POST /api/v1/people", s.apiPeopleCreate)
	s.private("GET /api/v1/people/{id}", s.apiPersonGet)
	s.private("PUT /api/v1/people/{id}", s.apiPersonUpdate)
	s.private("DELETE /api/v1/people/{id}", s.apiPersonDelete)
	s.private("GET /api/v1/people/{id}/skills", s.apiPersonSkills)
	s.private("PUT /api/v1/people/{id}/skills", s.apiPersonSkillsPut)

	s.private("GET /api/v1/skills", s.apiSkillsList)
	s.private("POST /api/v1/skills", s.apiSkillsCreate)
	s.private("GET /api/v1/skills/{id}", s.apiSkillGet)
	s.private("POST /api/v1/skills/{id}/aliases", s.apiSkillAliasAdd)

	s.private("GET /api/v1/programs", s.apiProgramsList)
	s.private("POST /api/v1/programs", s.apiProgramsCreate)
	s.private("GET /api/v1/programs/{id}", s.apiProgramGet)
	s.private("PUT /api/v1/programs/{id}", s.apiProgramUpdate)
	s.private("POST /api/v1/programs/{id}/status", s.apiProgramStatus)
	s.private("GET /api/v1/programs/{id}/enrollments", s.apiEnrollmentsList)
	s.private("POST /api/v1/programs/{id}/enrollments", s.apiEnrollmentsCreate)
	s.private("GET /api/v1/programs/{id}/enrollments/{eid}", s.apiEnrollmentGet)
	s.private("PATCH /api/v1/programs/{id}/enrollments/{eid}", s.apiEnrollmentUpdate)

	s.private("GET /api/v1/matches", s.apiMatchesList)
	s.private("GET /api/v1/matches/{id}", s.apiMatchGet)
	s.private("POST /api/v1/matches/{id}/accept", s.respond(true))
	s.private("POST /api/v1/matches/{id}/decline", s.respond(false))

	s.private("GET /api/v1/goals", s.apiGoalsList)
	s.private("POST /api/v1/goals", s.apiGoalsCreate)
	s.private("GET /api/v1/goals/{id}", s.apiGoalGet)
	s.private("PUT /api/v1/goals/{id}", s.apiGoalUpdate)
	s.private("DELETE /api/v1/goals/{id}", s.apiGoalDelete)
	s.private("GET /api/v1/goals/{id}/progress", s.apiGoalProgressList)
	s.private("POST /api/v1/goals/{id}/progress", s.apiGoalProgress)

	s.private("GET /api/v1/meetings", s.apiMeetingsList)
	s.private("POST /api/v1/meetings", s.apiMeetingsCreate)
	s.private("GET /api/v1/meetings/{id}", s.apiMeetingGet)
	s.private("PUT /api/v1/meetings/{id}", s.apiMeetingUpdate)
	s.private("GET /api/v1/meetings/{id}/notes", s.apiMeetingNotes)
	s.private("POST /api/v1/meetings/{id}/notes", s.apiMeetingNoteAdd)
	s.private("GET /api/v1/meetings/{id}/feedback", s.apiMeetingFeedbackList)
	s.private("POST /api/v1/meetings/{id}/feedback", s.apiMeetingFeedback)

	s.private("GET /api/v1/check-ins", s.apiCheckInsList)
	s.private("POST /api/v1/check-ins", s.apiCheckInsCreate)
	s.private("GET /api/v1/assessments", s.apiAssessmentsList)
	s.private("POST /api/v1/assessments", s.apiAssessmentsCreate)
}
