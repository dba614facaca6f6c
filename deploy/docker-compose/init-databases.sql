-- One PostgreSQL server, a database per service (each service owns its own data).
create database request_service;
create database consent_service;
create database deadline_service;
create database register_service;
