package web

import "encoding/json"

// checkTrialAnswers exercises every trial route against the document: a
// trial of a fresh mentoring and peer program, a volunteer, the read-back
// with its balance table and randomised result, and closing.
func checkTrialAnswers(c *apiChecker) {
	f := c.f
	const api = "/api/v1"
	var arms []any
	for _, format := range []string{"mentoring", "peer"} {
		id := idOf(c.t, c.call(f.coordTok, "POST", api+"/programs", map[string]any{"name": "Trial " + format, "format": format}, 201))
		c.call(f.coordTok, "POST", api+"/programs/"+id+"/status", map[string]string{"status": "enrolling"}, 200)
		arms = append(arms, json.Number(id))
	}
	in := map[string]any{"name": "Mentor or peer?", "program_ids": arms, "seed": 17}
	c.call(f.anaTok, "POST", api+"/trials", in, 403)
	trial := api + "/trials/" + idOf(c.t, c.call(f.coordTok, "POST", api+"/trials", in, 201))
	c.call(f.coordTok, "POST", api+"/trials", in, 422)
	c.call(f.coordTok, "POST", api+"/trials", map[string]any{"name": "", "program_ids": []int{}}, 422)
	c.call(f.coordTok, "POST", api+"/trials", `{"name": "x", "program_ids": "1,2"}`, 400)
	c.call(f.anaTok, "POST", trial+"/volunteers", map[string]any{}, 201)
	c.call(f.anaTok, "POST", trial+"/volunteers", map[string]any{"person_id": f.ana.ID}, 409)
	c.call(f.caiTok, "POST", trial+"/volunteers", map[string]any{"person_id": f.ana.ID}, 403)
	c.call(f.coordTok, "POST", trial+"/volunteers", map[string]any{"person_id": f.cai.ID}, 201)
	c.call(f.coordTok, "POST", trial+"/volunteers", map[string]any{"person_id": 99999}, 422)
	c.call(f.coordTok, "POST", api+"/trials/99999/volunteers", map[string]any{}, 404)
	c.call(f.coordTok, "GET", api+"/trials?limit=5", nil, 200)
	c.call(f.coordTok, "GET", api+"/trials?cursor=nope", nil, 422)
	c.call(f.anaTok, "GET", api+"/trials", nil, 403)
	c.call(f.coordTok, "GET", trial, nil, 200)
	c.call(f.anaTok, "GET", trial, nil, 403)
	c.call(f.coordTok, "GET", api+"/trials/99999", nil, 404)
	c.call(f.anaTok, "POST", trial+"/close", nil, 403)
	c.call(f.coordTok, "POST", trial+"/close", nil, 200)
	c.call(f.coordTok, "POST", trial+"/close", nil, 409)
	c.call(f.coordTok, "POST", trial+"/volunteers", map[string]any{"person_id": f.ben.ID}, 409)
}
