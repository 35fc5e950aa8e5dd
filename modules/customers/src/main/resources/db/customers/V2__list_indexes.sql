-- Indexes shaped like the list's queries (measured in bench/: the page was sorting every
-- matching row, and its count reading each one for is_verified):
-- the default ordering exactly as the page statement writes it,
DROP INDEX customer_created_at_idx;
CREATE INDEX customer_created_at_idx ON customer (created_at DESC, id DESC);
-- and the city filter with the verified flag, in the default order, so a filtered page stops
-- after its rows and its count reads the index only.
CREATE INDEX customer_city_verified_created_idx ON customer (lower(city), is_verified, created_at DESC, id DESC);
