-- The authentication service's users. Separate schema, separate migrations: the customer tables
-- never reference these rows (they belong to another service), only their ids.
CREATE TABLE users (
    id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    email        varchar(254) NOT NULL,
    first_name   varchar(150) NOT NULL,
    last_name    varchar(150) NOT NULL,
    phone_number varchar(20),
    user_role    varchar(10)  NOT NULL DEFAULT 'customer',
    -- Django's encoding: pbkdf2_sha256$<iterations>$<salt>$<base64 hash>
    password     varchar(256) NOT NULL,
    is_active    boolean      NOT NULL DEFAULT true,
    date_joined  timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),

    CONSTRAINT users_role CHECK (user_role IN ('customer', 'employee', 'admin')),
    CONSTRAINT users_email_shape CHECK (position('@' IN email) > 1),
    CONSTRAINT users_password_encoded CHECK (password LIKE 'pbkdf2_sha256$%')
);

-- Email is unique without regard to case, as Django's normalised lookups treat it.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
