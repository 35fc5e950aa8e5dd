-- One row per completed service. The customer's total_services and last_service_date are
-- updated in the same transaction as the insert, so the counter always equals the rows here
-- (PostgreSQL is the source of truth; nothing is counted in memory).
-- Deleting a customer deletes its history: the history describes the profile and is meaningless
-- without it, and a customer's "delete my profile" must not be refused for having been served.
CREATE TABLE service_history (
    id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id     uuid         NOT NULL,
    service_date    timestamptz  NOT NULL,
    service_type    varchar(50),
    reference       varchar(100),
    idempotency_key varchar(255),
    recorded_by     varchar(100) NOT NULL,
    recorded_at     timestamptz  NOT NULL DEFAULT now(),

    CONSTRAINT service_history_customer_fkey FOREIGN KEY (customer_id)
        REFERENCES customers.customer (id) ON DELETE CASCADE,
    CONSTRAINT service_history_idempotency_key_key UNIQUE (idempotency_key),
    CONSTRAINT service_history_date_sane CHECK (service_date >= '1900-01-01T00:00:00Z')
);

CREATE INDEX service_history_customer_idx
    ON service_history (customer_id, service_date DESC, recorded_at DESC, id DESC);
