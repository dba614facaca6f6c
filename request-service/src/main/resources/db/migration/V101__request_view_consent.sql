-- What the consent events said: a lapse (G-5) and an exemption (G-9, OSO-4).
alter table request_view add column consent_lapsed boolean not null default false;
alter table request_view add column exemption text;
