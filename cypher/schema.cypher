// Liaison's schema: uniqueness of ids for every label, the indexes the API's queries use, and
// one full-text index for search. Every statement is IF NOT EXISTS, so applying it twice changes
// nothing. Applied at every start by server/neo4j/schema.ts.

CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT forum_id IF NOT EXISTS FOR (n:Forum) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;

// Date windows (timeline, neighbourhood and meeting filters) and kind filters.
CREATE INDEX event_date_start IF NOT EXISTS FOR (n:Event) ON (n.dateStart);
CREATE INDEX event_date_end IF NOT EXISTS FOR (n:Event) ON (n.dateEnd);
CREATE INDEX claim_date_start IF NOT EXISTS FOR (n:Claim) ON (n.dateStart);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX claim_kind IF NOT EXISTS FOR (n:Claim) ON (n.kind);

// Search: names, aliases (joined into aliasText by the loader), claim text, passage text and
// source titles; ASCII folding so "Lavrov" matches "lavrov" and "Sergeï" matches "Sergei".
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Actor|Forum|Event|Claim|Passage|Source) ON EACH [n.name, n.aliasText, n.text, n.exact, n.title]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
