-- G-3: who asked for or recorded consent on a request (the staff member's subject, as on the consent events),
-- learned from consent-service's events: the one who shares must be one of them, or the school's KC or director.
create table consent_actor (
    request_id uuid not null,
    actor      text not null,
    primary key (request_id, actor)
);
