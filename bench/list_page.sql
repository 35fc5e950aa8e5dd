-- The staff list page's own two statements (CustomerRepository.list), as lua/list.lua asks for
-- them: one city of six, verified customers, newest first, the first page of 20, and the count.
\set c random(1, 6)
SELECT * FROM customers.customer WHERE lower(city) = lower((ARRAY['Portland', 'Seattle', 'Austin', 'Boston', 'Toronto', 'London'])[:c]) AND is_verified = true ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0;
SELECT count(*) AS count FROM customers.customer WHERE lower(city) = lower((ARRAY['Portland', 'Seattle', 'Austin', 'Boston', 'Toronto', 'London'])[:c]) AND is_verified = true;
