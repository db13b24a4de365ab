-- +goose Up
-- Until now a stored min_overlap_hours of 0 meant "the format's default";
-- from now on 0 means "no minimum". Programs stored before get the default
-- they were matched with written out (1 for flash and rotation, else 2).
UPDATE programs SET options = jsonb_set(options::jsonb, '{min_overlap_hours}',
    to_jsonb(CASE WHEN format IN ('flash', 'rotation') THEN 1 ELSE 2 END))::text
WHERE coalesce((options::jsonb ->> 'min_overlap_hours')::numeric, 0) = 0;

-- +goose Down
-- The written-out defaults mean the same under the old reading.
SELECT 1;
