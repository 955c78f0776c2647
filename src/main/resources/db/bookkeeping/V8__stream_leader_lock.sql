-- One streaming node per cluster (profile cluster with barfeed.stream.enabled): the stream's leadership is a row of
-- Spring Integration's JDBC lock registry, renewed by its holder and taken over by another node once it expires.
-- The table is Spring Integration's own (schema-postgresql.sql of spring-integration-jdbc), in barfeed's schema.
CREATE TABLE int_lock (
    lock_key      char(36)     NOT NULL,
    region        varchar(100) NOT NULL,
    client_id     char(36),
    created_date  timestamp    NOT NULL,
    expired_after timestamp    NOT NULL,
    CONSTRAINT int_lock_pk PRIMARY KEY (lock_key, region)
);
