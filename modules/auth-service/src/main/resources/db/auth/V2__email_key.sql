-- The email's identifying form, computed by the service (EmailKey: NFC, then Unicode lower case)
-- and compared exactly, for logins, lookups and uniqueness alike. Before, the service lower-cased
-- in Java for its login throttle and PostgreSQL lower-cased for the lookup, and the two disagree
-- on letters such as U+0130, so one spelling could be two users. Rows from before take
-- PostgreSQL's lower case, which agrees with the service's for every ASCII address.
ALTER TABLE users ADD COLUMN email_key text;
UPDATE users SET email_key = lower(email);
ALTER TABLE users ALTER COLUMN email_key SET NOT NULL;

DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_email_key ON users (email_key);
