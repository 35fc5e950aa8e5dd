-- Service history joins the customer aggregate's owner: recording a service writes a history row
-- and the customer's counters in one transaction, so one module owns both tables and a process
-- running only the history role migrates what it needs itself. A database from before this
-- version has the table in the history schema: it moves here with its rows, constraints and
-- index (the old schema keeps only Flyway's own table). Otherwise it is created.
--
-- One row per completed service. The customer's total_services and last_service_date are
-- updated in the same transaction as the insert, so the counter always equals the rows here.
-- Deleting a customer deletes its history: the history describes the profile and is meaningless
-- without it, and a customer's "delete my profile" must not be refused for having been served.
DO $$
BEGIN
  IF to_regclass('history.service_history') IS NOT NULL THEN
    ALTER TABLE history.service_history SET SCHEMA customers;
  ELSE
    CREATE TABLE customers.service_history (
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
        ON customers.service_history (customer_id, service_date DESC, recorded_at DESC, id DESC);
  END IF;
END
$$;
