package broken

import "testing"

func TestHalf(t *testing.T) {
	var s string = Half(4)
	_ = s
}
