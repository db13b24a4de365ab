module github.com/mentormesh/mentormesh/scripts/testreport

go 1.22
