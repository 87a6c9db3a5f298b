-- The catalogue of statements the Orleans ADO.NET providers run (the documented AdoNet contract): Orleans reads
-- every row of this table at start and runs only these texts, binding its own parameter names.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);
