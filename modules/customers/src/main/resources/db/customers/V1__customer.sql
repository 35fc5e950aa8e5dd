-- The refactored Customer model of the seed. User data (email, names, phone) lives only in the
-- authentication service: user_id is its user's UUID, and no column here duplicates it.
CREATE TABLE customer (
    id                             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                        uuid         NOT NULL,
    street_address                 varchar(255) NOT NULL,
    city                           varchar(100) NOT NULL,
    state                          varchar(100) NOT NULL,
    postal_code                    varchar(20)  NOT NULL,
    country                        varchar(100) NOT NULL,
    company_name                   varchar(255),
    business_type                  varchar(100),
    tax_id                         varchar(50),
    emergency_contact_name         varchar(200),
    emergency_contact_phone        varchar(20),
    emergency_contact_relationship varchar(100),
    is_verified                    boolean      NOT NULL DEFAULT false,
    customer_since                 timestamptz  NOT NULL DEFAULT now(),
    total_services                 integer      NOT NULL DEFAULT 0,
    last_service_date              timestamptz,
    preferred_contact_method       varchar(10)  NOT NULL DEFAULT 'email',
    notification_preferences       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at                     timestamptz  NOT NULL DEFAULT now(),
    updated_at                     timestamptz  NOT NULL DEFAULT now(),
    version                        integer      NOT NULL DEFAULT 1,

    CONSTRAINT customer_user_id_key UNIQUE (user_id),
    CONSTRAINT customer_address_not_blank CHECK (
        btrim(street_address) <> '' AND btrim(city) <> '' AND btrim(state) <> ''
        AND btrim(postal_code) <> '' AND btrim(country) <> ''),
    CONSTRAINT customer_postal_code_format CHECK (postal_code ~ '^[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]$'),
    CONSTRAINT customer_emergency_phone_format CHECK (emergency_contact_phone ~ '^\+?[0-9 ().-]+$'),
    CONSTRAINT customer_total_services_non_negative CHECK (total_services >= 0),
    CONSTRAINT customer_contact_method CHECK (preferred_contact_method IN ('email', 'phone', 'sms')),
    CONSTRAINT customer_notification_preferences_object CHECK (jsonb_typeof(notification_preferences) = 'object'),
    CONSTRAINT customer_version_positive CHECK (version >= 1),
    CONSTRAINT customer_service_date_known CHECK (last_service_date IS NULL OR total_services > 0)
);

-- The list filters are exact and case-insensitive.
CREATE INDEX customer_city_idx ON customer (lower(city));
CREATE INDEX customer_state_idx ON customer (lower(state));
CREATE INDEX customer_country_idx ON customer (lower(country));
CREATE INDEX customer_created_at_idx ON customer (created_at DESC, id);
