// Liaison's schema: uniqueness of ids for every label, the indexes the API's queries use, and
// the full-text indexes of search. Every statement is IF NOT EXISTS, so applying it twice changes
// nothing. Applied at every start by server/neo4j/schema.ts.
// Every constraint comes before the first index: a constraint returns once its own index is
// online, and one created while other indexes populate waits for them too.

CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT forum_id IF NOT EXISTS FOR (n:Forum) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT projection_id IF NOT EXISTS FOR (n:Projection) REQUIRE n.id IS UNIQUE;

// A dense node's precomputed first ring (cypher/projection/nearest-of.cypher), by the node's id.
CREATE CONSTRAINT first_ring_of IF NOT EXISTS FOR (n:FirstRing) REQUIRE n.of IS UNIQUE;

// The streaming loader's lock (server/dataset/stream-load.ts): one load of a dataset at a time.
CREATE CONSTRAINT load_lock_id IF NOT EXISTS FOR (n:LoadLock) REQUIRE n.id IS UNIQUE;

// Source intake (server/sources/): a new text is recognised by the hash of its normalised text.
CREATE INDEX source_content_sha256 IF NOT EXISTS FOR (n:Source) ON (n.contentSha256);
// Drafts of sources (server/drafts/): their own label, which no reader query matches.
CREATE CONSTRAINT draft_id IF NOT EXISTS FOR (n:Draft) REQUIRE n.id IS UNIQUE;
CREATE INDEX draft_created_at IF NOT EXISTS FOR (n:Draft) ON (n.createdAt);
CREATE INDEX draft_content_sha256 IF NOT EXISTS FOR (n:Draft) ON (n.contentSha256);
// The review of a draft (server/review/): decisions and selections hang off their Draft under labels
// of their own, which no reader query matches; undo and delete find them by id.
CREATE CONSTRAINT review_decision_id IF NOT EXISTS FOR (n:ReviewDecision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT selection_id IF NOT EXISTS FOR (n:Selection) REQUIRE n.id IS UNIQUE;

// Indexes: each populates in the background; applySchema waits for them all at the end.
// Date windows (timeline, neighbourhood and meeting filters) and kind filters.
CREATE INDEX event_date_start IF NOT EXISTS FOR (n:Event) ON (n.dateStart);
CREATE INDEX event_date_end IF NOT EXISTS FOR (n:Event) ON (n.dateEnd);
CREATE INDEX claim_date_start IF NOT EXISTS FOR (n:Claim) ON (n.dateStart);
CREATE INDEX claim_date_end IF NOT EXISTS FOR (n:Claim) ON (n.dateEnd);
CREATE INDEX claim_period_start IF NOT EXISTS FOR (n:Claim) ON (n.periodStart);
CREATE INDEX claim_period_end IF NOT EXISTS FOR (n:Claim) ON (n.periodEnd);
// The timeline's window (server/domain/timeline.ts): each span class of each kind of date read
// in start order from its own lower bound (the span class is written by the loader).
CREATE INDEX event_date_class_start IF NOT EXISTS FOR (n:Event) ON (n.dateSpanClass, n.dateStart);
CREATE INDEX claim_date_class_start IF NOT EXISTS FOR (n:Claim) ON (n.dateSpanClass, n.dateStart);
CREATE INDEX claim_period_class_start IF NOT EXISTS FOR (n:Claim) ON (n.periodSpanClass, n.periodStart);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX claim_kind IF NOT EXISTS FOR (n:Claim) ON (n.kind);

// Who met whom (server/domain/met-projection.ts): the most active actors first, and the pool of
// strong ties the network overview is chosen from.
CREATE INDEX actor_meetings IF NOT EXISTS FOR (n:Actor) ON (n.meetings);
// The ranked actors, found again without reading every actor when a load re-ranks them.
CREATE INDEX actor_met_rank IF NOT EXISTS FOR (n:Actor) ON (n.metRank);
CREATE INDEX met_pool IF NOT EXISTS FOR ()-[r:MET]-() ON (r.pool);
CREATE INDEX met_pair IF NOT EXISTS FOR ()-[r:MET]-() ON (r.pair);
CREATE INDEX met_page_low IF NOT EXISTS FOR ()-[r:MET]-() ON (r.pageLow);
CREATE INDEX met_page_high IF NOT EXISTS FOR ()-[r:MET]-() ON (r.pageHigh);

// Search (server/domain/search.ts). Names and long text live in separate indexes so that a
// claim or passage never competes with the actor it mentions, and so that each gets its analyzer.
// `nameKeys` is written by the loader: the folded content words of a node's name and each alias
// ("Belt and Road Forum" → "belt road forum"; server/lib/search-words.ts).
// An exact name or alias, as one term per key (a range index cannot look up one element of a list).
CREATE FULLTEXT INDEX search_keys IF NOT EXISTS
FOR (n:Actor|Forum|Event|Source) ON EACH [n.nameKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
// Words of names and aliases of who and where; the keys are already folded words, so whitespace
// splitting is all the analyzer must do (and it keeps the words a query sends exactly as they are).
CREATE FULLTEXT INDEX search_names IF NOT EXISTS
FOR (n:Actor|Forum) ON EACH [n.nameKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
// Words of event names and source titles: thousands of events name the same hub actors, so they
// rank apart from the actors themselves.
CREATE FULLTEXT INDEX search_titles IF NOT EXISTS
FOR (n:Event|Source) ON EACH [n.nameKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
// Claim text and passage quotations: English stop words dropped (their positions kept, so a
// quoted phrase still matches exactly), ASCII folding so "Sergeï" matches "sergei".
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Claim|Passage) ON EACH [n.text, n.exact]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// The single index of earlier versions (names and text in one `name` field).
DROP INDEX search IF EXISTS;
