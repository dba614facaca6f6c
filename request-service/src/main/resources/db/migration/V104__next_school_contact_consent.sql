-- SWV-5: the consent of its own for adding the next school's contact person to the support file.
alter table request_view add column next_school_contact_consent boolean not null default false;
