package calcfail

import (
	"fmt"
	"testing"
)

func TestMul_OK(t *testing.T) {
	if Mul(2, 2) != 4 {
		t.Fatal("2*2")
	}
}

func TestMul_Table(t *testing.T) {
	for _, c := range []struct {
		name       string
		a, b, want int
	}{{"two", 2, 2, 4}, {"three", 3, 3, 9}} {
		t.Run(c.name, func(t *testing.T) {
			if got := Mul(c.a, c.b); got != c.want {
				t.Errorf("Mul(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
			}
		})
	}
}

func TestMain(m *testing.M) {
	fmt.Println("setting up the fixture")
	m.Run()
}
