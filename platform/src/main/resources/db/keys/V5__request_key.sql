-- Each request's key (issue 19, crypto-shredding): the sealed values in its events open with it. request-service makes
-- it at intake; the other services learn it from the compacted topic pupil-data.keys. When the request's personal
-- data is erased, the secret is deleted here and the row stays as the mark that it was (erased_at), so that the
-- request's events read as erased and a late copy of the key is not taken in again.
create table request_key (
    request_id uuid primary key,
    secret     bytea,
    erased_at  timestamptz,
    constraint request_key_secret_or_erased check ((secret is null) <> (erased_at is null))
);
