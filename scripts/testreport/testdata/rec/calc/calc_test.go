package calc

import "testing"

func TestAdd(t *testing.T) {
	if Add(2, 3) != 5 {
		t.Fatal("2+3")
	}
}

func TestAdd_Table(t *testing.T) {
	for _, c := range []struct {
		name       string
		a, b, want int
	}{{"zero", 0, 0, 0}, {"negative", -1, 1, 0}} {
		t.Run(c.name, func(t *testing.T) {
			t.Logf("%d+%d", c.a, c.b)
			if Add(c.a, c.b) != c.want {
				t.Fatal("wrong")
			}
		})
	}
}
