package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/mentormesh/mentormesh/internal/mentor"
)

// foldSearch is the one form in which searched text and queries are
// compared: lower case by Unicode rules, on both databases. SQLite's lower()
// and LIKE fold only ASCII, so "Ülrike" would be found by "lrike" but not by
// "ülrike"; folding in Go and comparing folded text avoids that.
func foldSearch(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// personSearchText is what a people search looks in: the public name and
// title, folded, one per line (a query never spans two of them). The e-mail
// address is searched in its own column, by coordinators only.
func personSearchText(name, title string) string {
	return foldSearch(name) + "\n" + foldSearch(title)
}

// setSearchText stores the folded search text of person p in tx.
func setSearchText(ctx context.Context, tx *sql.Tx, p *mentor.Person) error {
	if _, err := tx.ExecContext(ctx, `UPDATE people SET search_text = $1 WHERE id = $2`,
		personSearchText(p.Name, p.Title), p.ID); err != nil {
		return fmt.Errorf("person search text: %w", err)
	}
	return nil
}

// fillSearchText folds the search text of people stored before the
// search_text column existed (migration 00012), in one transaction. It is
// idempotent: a filled row is never empty, as every person has a name.
func (d *DB) fillSearchText(ctx context.Context) error {
	return d.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, name, title, email FROM people WHERE search_text = ''`)
		if err != nil {
			return fmt.Errorf("people to fold: %w", err)
		}
		var people []mentor.Person
		for rows.Next() {
			var p mentor.Person
			if err := rows.Scan(&p.ID, &p.Name, &p.Title, &p.Email); err != nil {
				rows.Close()
				return err
			}
			people = append(people, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range people {
			if err := setSearchText(ctx, tx, &people[i]); err != nil {
				return err
			}
		}
		return nil
	})
}
