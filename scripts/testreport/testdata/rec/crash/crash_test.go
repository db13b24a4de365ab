package crash

import "testing"

func TestFirst(t *testing.T) {}

func TestNilMap(t *testing.T) {
	t.Log("filling the index")
	var m map[string]int
	m["x"] = 1
}
