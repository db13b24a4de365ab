module github.com/mentormesh/mentormesh

go 1.26.8
