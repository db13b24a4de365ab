package mentor

import "time"

// UserRole is what a user may do on the platform.
type UserRole string

// User roles.
const (
	UserAdmin       UserRole = "admin"
	UserCoordinator UserRole = "coordinator"
	UserParticipant UserRole = "participant"
)

// Valid reports whether r is a known role.
func (r UserRole) Valid() bool {
	return r == UserAdmin || r == UserCoordinator || r == UserParticipant
}

// User is an account that signs in; every user is linked to a Person.
type User struct {
	ID           int64     `json:"id"`
	Email        string    `json:"email"`
	Role         UserRole  `json:"role"`
	PersonID     int64     `json:"person_id"`
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

// Manages reports whether the user manages programs and people (coordinator or admin).
func (u *User) Manages() bool {
	return u != nil && (u.Role == UserCoordinator || u.Role == UserAdmin)
}
