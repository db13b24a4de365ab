package store

// UniqueConstraints exposes the constraint table of dialect.go to the
// external tests, which check it against both databases' catalogs.
func UniqueConstraints() (postgres, sqlite, fields []string) {
	for _, c := range uniqueConstraints {
		postgres, sqlite, fields = append(postgres, c.postgres), append(sqlite, c.sqlite), append(fields, c.field)
	}
	return postgres, sqlite, fields
}
