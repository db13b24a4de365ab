package store

// UniqueConstraints exposes the constraint table of dialect.go to the
// external tests, which check it against both databases' catalogs.
func UniqueConstraints() (postgres, sqlite, fields []string) {
	for _, c := range uniqueConstraints {
		postgres, sqlite, fields = append(postgres, c.postgres), append(sqlite, c.sqlite), append(fields, c.field)
	}
	return postgres, sqlite, fields
}

// ForgetSearchText empties every person's search text, as in a database
// migrated before the search_text column was filled.
func (d *DB) ForgetSearchText() error {
	_, err := d.db.Exec(`UPDATE people SET search_text = ''`)
	return err
}
